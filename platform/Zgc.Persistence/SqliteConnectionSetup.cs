using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zgc.Persistence;

/// <summary>
/// Sets up every SQLite connection EF opens so that concurrent writers on one file wait their turn briefly instead of
/// sleeping: the file is switched to write-ahead logging once per process (readers never wait for a writer, nor it for
/// them), and each connection gets SQLite's own busy handler and a larger log between checkpoints.
/// </summary>
/// <remarks>
/// Without a busy handler, Microsoft.Data.Sqlite meets a locked file by sleeping 150 ms and trying again, so every
/// collision of two writers cost at least 150 ms while the process sat idle; in the standalone composition (all services
/// in one process, dozens of consumers and requests writing at once) steps waited seconds with half a core used
/// (docs/performance.md, fix 25). SQLite's handler retries after 1, 2, 5, 10 … ms instead. Write-ahead logging with the
/// default <c>synchronous = FULL</c> keeps every committed transaction durable, as the rollback journal did.
/// </remarks>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    /// <summary>How long a statement waits inside SQLite for another connection's lock (then Microsoft.Data.Sqlite's own
    /// retries continue up to the command timeout).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// How many pages the write-ahead log grows to before a commit copies it into the database file (SQLite's default is
    /// 1,000, about 4 MB).
    /// </summary>
    /// <remarks>
    /// The copy (a checkpoint) runs inside the commit that crosses the mark, while that transaction still holds the file's
    /// write lock, and it writes every page changed since the last one — a hot page (an index's root, the outbox's last
    /// leaf) once per checkpoint however many commits changed it. At the default the standalone composition's six files
    /// checkpointed many times a second under load; ten times fewer, larger checkpoints measured ~7 % more lifecycles a
    /// second (docs/performance.md, fix 44). Durability is the same: every commit still syncs the log (<c>synchronous =
    /// FULL</c>). The cost is disk: a log file keeps its largest size, up to ~40 MB per database.
    /// </remarks>
    public const int WalAutoCheckpointPages = 10_000;

    private readonly ConcurrentDictionary<string, bool> _writeAheadLogged = new(StringComparer.Ordinal);

    public static SqliteConnectionSetup Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetUp(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every command synchronously, so there is nothing to gain from an async path here.
        SetUp(connection);
        return Task.CompletedTask;
    }

    private void SetUp(DbConnection connection)
    {
        // EF opens a connection for every query outside a transaction, so this runs several times per request: SQLite's
        // own call (what the PRAGMA does) rather than a command prepared and run each time, which was ~1.5 % of the
        // standalone's allocations (docs/performance.md, fix 38).
        var handle = ((SqliteConnection)connection).Handle;
        var result = SQLitePCL.raw.sqlite3_busy_timeout(handle, BusyTimeoutMilliseconds);
        if (result != SQLitePCL.raw.SQLITE_OK)
        {
            throw new SqliteException($"sqlite3_busy_timeout failed ({result}).", result);
        }

        // Per connection, like the busy handler (the setting is not stored in the file).
        result = SQLitePCL.raw.sqlite3_wal_autocheckpoint(handle, WalAutoCheckpointPages);
        if (result != SQLitePCL.raw.SQLITE_OK)
        {
            throw new SqliteException($"sqlite3_wal_autocheckpoint failed ({result}).", result);
        }

        // The journal mode is stored in the file, so once per file and process is enough; an in-memory database answers
        // "memory" and stays as it is.
        if (_writeAheadLogged.TryAdd(connection.DataSource, true))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            try
            {
                command.ExecuteScalar();
            }
            catch (SqliteException)
            {
                // Switching needs the file to itself; another process kept it busy past the timeout. The file works as it
                // is (rollback journal), and the next connection opened tries again.
                _writeAheadLogged.TryRemove(connection.DataSource, out _);
            }
        }
    }
}
