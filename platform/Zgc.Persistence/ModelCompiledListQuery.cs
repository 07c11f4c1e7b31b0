using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Zgc.Persistence;

/// <summary>
/// <see cref="ModelCompiledQuery{TContext, TParameter, TResult}"/> for a query that returns rows: compiled once per model,
/// read into a list.
/// </summary>
public sealed class ModelCompiledListQuery<TContext, TParameter, TResult>(Expression<Func<TContext, TParameter, IQueryable<TResult>>> query)
    where TContext : DbContext
{
    private readonly ConditionalWeakTable<IModel, Func<TContext, TParameter, IAsyncEnumerable<TResult>>> _compiled = [];

    /// <summary>Runs the query on <paramref name="db"/> and reads every row.</summary>
    public async Task<List<TResult>> Run(TContext db, TParameter parameter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await CompiledRows.Read(_compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter), cancellationToken);
    }
}

/// <summary><see cref="ModelCompiledListQuery{TContext, TParameter, TResult}"/> with two parameters.</summary>
public sealed class ModelCompiledListQuery<TContext, TParameter1, TParameter2, TResult>(
    Expression<Func<TContext, TParameter1, TParameter2, IQueryable<TResult>>> query)
    where TContext : DbContext
{
    private readonly ConditionalWeakTable<IModel, Func<TContext, TParameter1, TParameter2, IAsyncEnumerable<TResult>>> _compiled = [];

    /// <summary>Runs the query on <paramref name="db"/> and reads every row.</summary>
    public async Task<List<TResult>> Run(TContext db, TParameter1 first, TParameter2 second, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await CompiledRows.Read(_compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second), cancellationToken);
    }
}

/// <summary><see cref="ModelCompiledListQuery{TContext, TParameter, TResult}"/> with three parameters.</summary>
public sealed class ModelCompiledListQuery<TContext, TParameter1, TParameter2, TParameter3, TResult>(
    Expression<Func<TContext, TParameter1, TParameter2, TParameter3, IQueryable<TResult>>> query)
    where TContext : DbContext
{
    private readonly ConditionalWeakTable<IModel, Func<TContext, TParameter1, TParameter2, TParameter3, IAsyncEnumerable<TResult>>> _compiled = [];

    /// <summary>Runs the query on <paramref name="db"/> and reads every row.</summary>
    public async Task<List<TResult>> Run(TContext db, TParameter1 first, TParameter2 second, TParameter3 third, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await CompiledRows.Read(_compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, third), cancellationToken);
    }
}

/// <summary>Reads a compiled query's rows into a list.</summary>
internal static class CompiledRows
{
    public static async Task<List<TResult>> Read<TResult>(IAsyncEnumerable<TResult> rows, CancellationToken cancellationToken)
    {
        var list = new List<TResult>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }

        return list;
    }
}
