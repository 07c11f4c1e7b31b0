using Microsoft.EntityFrameworkCore;

namespace Zgc.Persistence;

public static class SqliteConcurrencyExtensions
{
    /// <summary>
    /// What every SQLite context of the platform gets: write-ahead logging and SQLite's busy handler on each connection
    /// (<see cref="SqliteConnectionSetup"/>), the per-file queue for write transactions (<see cref="SqliteWriteGate"/>) and,
    /// unless <paramref name="statementCacheSize"/> is 0, connections that keep their compiled statements
    /// (<see cref="StatementCachingSqliteConnection"/>).
    /// </summary>
    public static DbContextOptionsBuilder WithSqliteConcurrency(this DbContextOptionsBuilder builder,
        int statementCacheSize = SqliteStatementCaching.DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(statementCacheSize);
        builder.AddInterceptors(SqliteConnectionSetup.Instance, SqliteWriteGate.Instance);
        return statementCacheSize == 0 ? builder : builder.AddInterceptors(SqliteStatementCaching.For(statementCacheSize));
    }
}
