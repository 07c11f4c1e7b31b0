using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zgc.Persistence;

/// <summary>
/// Lets the write transactions of one process on one SQLite file take turns in an asynchronous first-come queue, instead
/// of all trying SQLite's single writer lock at once.
/// </summary>
/// <remarks>
/// SQLite has one writer per file, and EF begins every transaction with <c>BEGIN IMMEDIATE</c>, which takes that lock.
/// Left to SQLite, waiting writers poll for it (sleeping up to 100 ms between tries inside SQLite's busy handler, 150 ms in
/// Microsoft.Data.Sqlite's retry loop), each on a blocked thread-pool thread: the lock sat free between holders while the
/// next one slept, and in the standalone composition (every service in one process) more than half of all request time was
/// spent there (docs/performance.md, fix 25). Here a transaction first awaits its file's gate (no thread blocked), is handed
/// the gate the moment the previous transaction ends, and then begins as before.
/// <para>The gate only orders this process's transactions; SQLite's lock still decides, so nothing here can let two
/// writers in at once. The gate is released when the transaction commits, rolls back or fails, or its connection closes
/// (EF closes the connection it opened when a transaction is disposed without either). Should a holder still be missed, a
/// waiter that has waited a second looks at the holder's connection and takes the gate back if SQLite has no transaction
/// open there; after <see cref="MaxWait"/> a transaction goes ahead under SQLite's lock alone. Writers in other processes
/// or outside EF meet the busy handler <see cref="SqliteConnectionSetup"/> installs.</para>
/// </remarks>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, ISaveChangesInterceptor
{
    /// <summary>How long a transaction waits for its turn before going ahead under SQLite's own lock alone.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiter checks that the holder still has a transaction open.</summary>
    public static readonly TimeSpan HolderCheckInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, FileGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, FileGate> _held = new(); // by EF's connection id

    public static SqliteWriteGate Instance { get; } = new();

    /// <summary>Transactions currently holding a gate (for tests).</summary>
    public int Held => _held.Count;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AlwaysInTransaction(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        AlwaysInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (GateFor(connection, eventData.ConnectionId) is { } gate)
        {
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < MaxWait)
            {
                if (gate.Turn.Wait(HolderCheckInterval))
                {
                    SqliteWriteGateMetrics.Waited(gate.Tag, started);
                    Hold(gate, eventData.ConnectionId, connection);
                    break;
                }

                TakeBackIfAbandoned(gate);
            }
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateFor(connection, eventData.ConnectionId) is { } gate)
        {
            var started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started) < MaxWait)
            {
                if (await gate.Turn.WaitAsync(HolderCheckInterval, cancellationToken).ConfigureAwait(false))
                {
                    SqliteWriteGateMetrics.Waited(gate.Tag, started);
                    Hold(gate, eventData.ConnectionId, connection);
                    break;
                }

                TakeBackIfAbandoned(gate);
            }
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // A failed BEGIN leaves nothing to wait for; a failed COMMIT or ROLLBACK ends the transaction as far as SQLite goes.
        Release(eventData.ConnectionId);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// EF writes a single statement without a transaction, and such a write would meet the lock outside the queue (in the
    /// busy handler, polling); inside its own transaction it queues like every other. The extra BEGIN and COMMIT cost
    /// microseconds; the commit's sync is the same one.
    /// </summary>
    private static void AlwaysInTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            // Set on every save: a pooled context is reset to the default when it returns to the pool.
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    /// <summary>Whether SQLite has a transaction open on the connection (not in autocommit mode).</summary>
    private static bool InTransaction(DbConnection connection)
    {
        try
        {
            return connection is SqliteConnection { State: System.Data.ConnectionState.Open, Handle: { } handle } &&
                   SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;
        }
        catch (ObjectDisposedException)
        {
            return false; // closed under us: no transaction
        }
    }

    private FileGate? GateFor(DbConnection connection, Guid connectionId)
    {
        var file = connection.DataSource;

        // Every in-memory database is its own, so they share nothing worth queueing for.
        if (string.IsNullOrEmpty(file) || file == ":memory:" ||
            connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase) || _held.ContainsKey(connectionId))
        {
            return null;
        }

        return _gates.GetOrAdd(file, static path => new FileGate(SqliteWriteGateMetrics.FileTag(path)));
    }

    private void Hold(FileGate gate, Guid connectionId, DbConnection connection)
    {
        if (_held.TryAdd(connectionId, gate))
        {
            gate.Holder = new Holder(connectionId, connection, Stopwatch.GetTimestamp());
        }
        else
        {
            gate.Turn.Release();
        }
    }

    /// <summary>
    /// A holder whose connection has no transaction open in SQLite has ended it without EF telling us; its turn is over.
    /// (A holder caught between taking its turn and its <c>BEGIN</c> would only lose its place: SQLite's lock still keeps
    /// the two apart.)
    /// </summary>
    private void TakeBackIfAbandoned(FileGate gate)
    {
        if (gate.Holder is { } holder && !InTransaction(holder.Connection))
        {
            Release(holder.ConnectionId);
        }
    }

    private void Release(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var gate))
        {
            if (gate.Holder is { } holder)
            {
                SqliteWriteGateMetrics.Held(gate.Tag, holder.Since);
            }

            gate.Holder = null;
            gate.Turn.Release();
        }
    }

    private sealed class FileGate(KeyValuePair<string, object?> tag)
    {
        public KeyValuePair<string, object?> Tag { get; } = tag;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public volatile Holder? Holder;
    }

    private sealed record Holder(Guid ConnectionId, DbConnection Connection, long Since);
}
