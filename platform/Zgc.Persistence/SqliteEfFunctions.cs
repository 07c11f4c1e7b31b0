using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Zgc.Persistence;

/// <summary>
/// The SQL functions EF's SQLite provider gives each connection it creates itself, for a connection the platform creates
/// instead (<see cref="StatementCachingSqliteConnection"/>): EF translates <c>Regex.IsMatch</c> to <c>regexp</c> and
/// decimal arithmetic, comparisons and aggregates (SQLite has no decimal type; the values are stored as text) to the <c>ef_</c>
/// functions.
/// </summary>
/// <remarks>
/// A test compares this list with what EF registers on a connection of its own
/// (<c>SqliteStatementCacheTests.Registers_the_functions_EF_registers</c>), so an EF update that adds one is noticed.
/// </remarks>
internal static class SqliteEfFunctions
{
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<string?, string?, bool?>("regexp",
            static (pattern, input) => pattern is null || input is null ? null : Regex.IsMatch(input, pattern), isDeterministic: true);
        connection.CreateFunction("ef_mod", static (decimal? dividend, decimal? divisor) => dividend % divisor, isDeterministic: true);
        connection.CreateFunction("ef_add", static (decimal? left, decimal? right) => left + right, isDeterministic: true);
        connection.CreateFunction("ef_divide", static (decimal? dividend, decimal? divisor) => dividend / divisor, isDeterministic: true);
        connection.CreateFunction("ef_compare",
            static (decimal? left, decimal? right) => left is { } l && right is { } r ? decimal.Compare(l, r) : (int?)null, isDeterministic: true);
        connection.CreateFunction("ef_multiply", static (decimal? left, decimal? right) => left * right, isDeterministic: true);
        connection.CreateFunction("ef_negate", static (decimal? value) => -value, isDeterministic: true);

        // Aggregates over decimals skip nulls, and over no values at all give null, as SQL's own do.
        connection.CreateAggregate("ef_sum", (decimal?)null,
            static (decimal? sum, decimal? value) => value is null ? sum : (sum ?? 0m) + value, static sum => sum, isDeterministic: true);
        connection.CreateAggregate("ef_avg", (Sum: 0m, Count: 0L),
            static ((decimal Sum, long Count) total, decimal? value) => value is { } v ? (total.Sum + v, total.Count + 1) : total,
            static total => total.Count == 0 ? (decimal?)null : total.Sum / total.Count, isDeterministic: true);
        connection.CreateAggregate("ef_max", (decimal?)null,
            static (decimal? max, decimal? value) => value is null || (max is not null && max >= value) ? max : value, static max => max,
            isDeterministic: true);
        connection.CreateAggregate("ef_min", (decimal?)null,
            static (decimal? min, decimal? value) => value is null || (min is not null && min <= value) ? min : value, static min => min,
            isDeterministic: true);
    }
}
