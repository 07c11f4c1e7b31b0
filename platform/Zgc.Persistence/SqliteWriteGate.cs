using System.Collections.Concurrent;
using System.Data.Common;
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
/// <para>The gate only orders this process's transactions; SQLite's lock still decides. So a transaction that waited longer
/// than <see cref="MaxWait"/> (a gate never released would be a bug) goes ahead without it, and writers in other processes
/// or outside a transaction meet the busy handler <see cref="SqliteConnectionSetup"/> installs.</para>
/// <para>The gate is released when the transaction commits, rolls back or fails, and at the latest when its connection closes
/// (EF closes the connection it opened when a transaction is disposed without either).</para>
/// </remarks>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, ISaveChangesInterceptor
{
    /// <summary>How long a transaction waits for its turn before going ahead under SQLite's own lock alone.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _held = new(); // by EF's connection id

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
        if (GateFor(connection, eventData.ConnectionId) is { } gate && gate.Wait(MaxWait))
        {
            Hold(eventData.ConnectionId, gate);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateFor(connection, eventData.ConnectionId) is { } gate && await gate.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false))
        {
            Hold(eventData.ConnectionId, gate);
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

    private SemaphoreSlim? GateFor(DbConnection connection, Guid connectionId)
    {
        var file = connection.DataSource;

        // Every in-memory database is its own, so they share nothing worth queueing for.
        if (string.IsNullOrEmpty(file) || file == ":memory:" ||
            connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase) || _held.ContainsKey(connectionId))
        {
            return null;
        }

        return _gates.GetOrAdd(file, static _ => new SemaphoreSlim(1, 1));
    }

    private void Hold(Guid connectionId, SemaphoreSlim gate)
    {
        if (!_held.TryAdd(connectionId, gate))
        {
            gate.Release();
        }
    }

    private void Release(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var gate))
        {
            gate.Release();
        }
    }
}
