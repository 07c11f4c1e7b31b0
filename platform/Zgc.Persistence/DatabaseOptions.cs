namespace Zgc.Persistence;

/// <summary>
/// The <c>Database</c> configuration section, shared by every service in a process.
/// Each service still gets its own database: the connection string is per service.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, standalone and tests), Postgres or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// A connection string template used when <c>ConnectionStrings:{Service}</c> is not set;
    /// <c>{service}</c> is replaced by the service name in lower case, so one setting can give
    /// every service its own database (e.g. <c>Host=127.0.0.1;Database=zgc_{service};…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>For SQLite without a connection string: the folder holding one file per service.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// SQLite: how many compiled statements each connection keeps between requests (0: none, every command compiles its
    /// SQL again, as Microsoft.Data.Sqlite does on its own). See <see cref="StatementCachingSqliteConnection"/>.
    /// </summary>
    public int SqliteStatementCacheSize { get; set; } = SqliteStatementCaching.DefaultCapacity;

    /// <summary>
    /// PostgreSQL: at most this many statements in one command when EF saves (1–1,000; Npgsql's own limit is 1,000). A save
    /// of hundreds of rows in one command builds its SQL and its parameter table as objects over 85 KB, which live on the
    /// large-object heap until a full collection: a disbursement run's batches took the funding service over its memory
    /// target that way (docs/performance.md, fixes 57 and 59). Forty statements keep each command's SQL under that size
    /// even for the widest rows the services save (a run line's insert is ~490 characters, so a hundred of them were
    /// ~56,000 characters, 112 KB as a string) and still save forty rows per round trip.
    /// </summary>
    public int PostgresMaxBatchSize { get; set; } = DefaultPostgresMaxBatchSize;

    /// <summary>The default of <see cref="PostgresMaxBatchSize"/>.</summary>
    public const int DefaultPostgresMaxBatchSize = 40;

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
