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
        var rows = new List<TResult>();
        await foreach (var row in _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
