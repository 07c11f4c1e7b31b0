using Microsoft.EntityFrameworkCore;

namespace Zgc.Persistence;

public static class SqliteConcurrencyExtensions
{
    /// <summary>
    /// What every SQLite context of the platform gets: write-ahead logging and SQLite's busy handler on each connection
    /// (<see cref="SqliteConnectionSetup"/>), and the per-file queue for write transactions (<see cref="SqliteWriteGate"/>).
    /// </summary>
    public static DbContextOptionsBuilder WithSqliteConcurrency(this DbContextOptionsBuilder builder) =>
        builder.AddInterceptors(SqliteConnectionSetup.Instance, SqliteWriteGate.Instance);
}
