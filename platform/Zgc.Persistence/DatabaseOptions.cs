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

    /// <summary>Apply pending migrations when the service starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
