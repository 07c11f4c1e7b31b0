using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Zgc.Persistence;

/// <summary>
/// An EF Core compiled query for a hot lookup, compiled once per model. EF's own compiled query refuses a context whose
/// model differs from the first one it ran on, and one process can hold several: the standalone host and the tests run
/// the same context type on SQLite and PostgreSQL side by side. So the compiled delegate is kept per model.
/// </summary>
/// <remarks>
/// Worth it only on paths every request takes: a LINQ query re-reads its expression tree on each run to find its
/// parameters and its cached plan (EF's <c>ExpressionTreeFuncletizer</c>, ~5 % of intake's CPU under load,
/// docs/performance.md); a compiled one skips that.
/// </remarks>
public sealed class ModelCompiledQuery<TContext, TParameter, TResult>(Expression<Func<TContext, TParameter, CancellationToken, TResult>> query)
    where TContext : DbContext
{
    private readonly ConditionalWeakTable<IModel, Func<TContext, TParameter, CancellationToken, Task<TResult>>> _compiled = [];

    /// <summary>Runs the query (which ends in a single-result operator such as <c>FirstOrDefault</c>; its token parameter only marks where the caller's goes) on <paramref name="db"/>.</summary>
    public Task<TResult> Run(TContext db, TParameter parameter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter, cancellationToken);
    }
}

/// <summary><see cref="ModelCompiledQuery{TContext, TParameter, TResult}"/> with two parameters (a lookup by a pair such as application and year).</summary>
public sealed class ModelCompiledQuery<TContext, TParameter1, TParameter2, TResult>(
    Expression<Func<TContext, TParameter1, TParameter2, CancellationToken, TResult>> query)
    where TContext : DbContext
{
    private readonly ConditionalWeakTable<IModel, Func<TContext, TParameter1, TParameter2, CancellationToken, Task<TResult>>> _compiled = [];

    /// <summary>Runs the query (ending in a single-result operator such as <c>Any</c> or <c>SingleOrDefault</c>) on <paramref name="db"/>.</summary>
    public Task<TResult> Run(TContext db, TParameter1 first, TParameter2 second, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, cancellationToken);
    }
}
