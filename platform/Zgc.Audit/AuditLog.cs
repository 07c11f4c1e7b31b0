using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Zgc.Audit.Persistence;
using Zgc.Persistence;

namespace Zgc.Audit;

/// <summary>
/// One service's chain. Entries are written inside a transaction that first takes the chain's lock
/// (<see cref="AuditStore.LockChain"/>) and reads the last entry, so appends from several replicas queue instead of
/// forking; the key on (service, sequence) is the backstop, and a conflicting insert is retried on the new last entry.
/// </summary>
/// <remarks>
/// Within a process, appends are group-committed: each caller queues its record, and whoever holds the process's gate
/// writes every record queued so far (up to <see cref="MaxBatch"/>) in one transaction, in queue order, then wakes their
/// callers with their entries. One append at a time, one transaction each, made the chain the ceiling of every
/// service's write throughput (a lock, a read, an insert and a commit per request, in series); a batch costs about the
/// same as one entry. A caller still returns only once its own entry has committed.
/// </remarks>
internal sealed partial class AuditLog(string service, AuditStore store, TimeProvider clock, AuditMetrics metrics, ILogger<AuditLog> logger) : IAuditLog, IDisposable
{
    private const int MaxAttempts = 5;

    /// <summary>The most entries one transaction appends.</summary>
    internal const int MaxBatch = 200;

    // Compiled once per model: every audited write of the service reads the chain's head (docs/performance.md, fix 40).
    private static readonly ModelCompiledQuery<AuditDbContext, string, ChainHead?> HeadQuery =
        new((db, service, _) => db.Entries.AsNoTracking().Where(e => e.Service == service).OrderByDescending(e => e.Sequence)
            .Select(e => new ChainHead(e.Sequence, e.Hash)).FirstOrDefault());

    // One writer per process at a time: fewer lock waits in the database, and SQLite has one writer anyway.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<PendingAppend> _queue = new();

    public string Service { get; } = service;

    internal AuditStore Store => store;

    /// <summary>Transactions that appended a batch of queued records (one or more) since start; for tests.</summary>
    internal long BatchesWritten => Interlocked.Read(ref _batchesWritten);

    private long _batchesWritten;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var started = Stopwatch.GetTimestamp();
        var pending = new PendingAppend(record);
        _queue.Enqueue(pending);
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Still queued: the next writer skips it (a writer that already took it may have written it).
            pending.Completion.TrySetCanceled(cancellationToken);
            throw;
        }

        try
        {
            // The record was queued before the gate was taken, and a writer completes every record it takes before it
            // lets go of the gate, so this loop ends with the record written (or failed) by this caller or an earlier one.
            while (!pending.Completion.Task.IsCompleted)
            {
                if (!await WriteQueued())
                {
                    throw new InvalidOperationException("The audit queue was empty while an append was still pending.");
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        var entry = await pending.Completion.Task;
        metrics.Appended(Service, Stopwatch.GetElapsedTime(started));
        return entry;
    }

    public async Task<AuditEntry> AppendWithinAsync(DbContext owner, AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(record);
        var transaction = owner.Database.CurrentTransaction
            ?? throw new InvalidOperationException("AppendWithinAsync needs the owner's transaction to be open; use AppendAsync otherwise.");
        var started = Stopwatch.GetTimestamp();
        await using var db = store.Open(owner.Database.GetDbConnection());
        await db.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // as below: the caller retries the whole unit, a savepoint would not help
        // No retry here: after a failed statement the owner's transaction is unusable (PostgreSQL), so the caller retries the whole unit.
        var entry = (await AppendHere(db, [record], cancellationToken))[0];
        metrics.Appended(Service, Stopwatch.GetElapsedTime(started));
        return entry;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = store.Open();
        var verifier = new AuditChainVerifier();
        await foreach (var entry in db.Entries.AsNoTracking().Where(e => e.Service == Service).OrderBy(e => e.Sequence)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (verifier.Check(entry) is { } broken)
            {
                return broken;
            }
        }

        return verifier.Verified();
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Writes the records queued so far, up to <see cref="MaxBatch"/>; false when there were none.</summary>
    private async Task<bool> WriteQueued()
    {
        var batch = new List<PendingAppend>(Math.Min(_queue.Count, MaxBatch));
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            if (!next.Completion.Task.IsCompleted)
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return !_queue.IsEmpty;
        }

        try
        {
            Complete(batch, await AppendWithRetries(batch));
        }
#pragma warning disable CA1031 // Every waiting caller gets the failure; the writer carries on with the queue.
        catch (Exception e) when (batch.Count > 1)
        {
            // One bad record must not cost the others their entries: write them one by one, so only it fails.
            LogBatchFailed(logger, e, Service, batch.Count);
            foreach (var single in batch)
            {
                try
                {
                    Complete([single], await AppendWithRetries([single]));
                }
                catch (Exception failure)
                {
                    single.Completion.TrySetException(failure);
                }
            }
        }
        catch (Exception e)
        {
            batch[0].Completion.TrySetException(e);
        }
#pragma warning restore CA1031

        return true;
    }

    private async Task<IReadOnlyList<AuditEntry>> AppendWithRetries(IReadOnlyList<PendingAppend> batch)
    {
        var records = batch.Select(p => p.Record).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Not a caller's token: the batch carries other callers' records.
                await using var db = store.Open();
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                db.Database.AutoSavepointsEnabled = false; // a failure abandons the transaction; no savepoint round trips
                var entries = await AppendHere(db, records, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _batchesWritten);
                metrics.BatchWritten(Service, entries.Count);
                return entries;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts)
            {
                // Another writer took the sequence number first (the lock was bypassed or timed out): read the new head and retry.
                LogRetry(logger, Service, attempt, e.InnerException?.Message ?? e.Message);
            }
        }
    }

    private static void Complete(List<PendingAppend> batch, IReadOnlyList<AuditEntry> entries)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(entries[i]);
        }
    }

    /// <summary>Locks the chain, reads its head and inserts the next entries, in <paramref name="db"/>'s current transaction.</summary>
    private async Task<IReadOnlyList<AuditEntry>> AppendHere(AuditDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await store.LockChain(db, Service, cancellationToken);
        var head = await HeadQuery.Run(db, Service, cancellationToken);

        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditCanonicalForm.GenesisHash;
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            // The time is taken under the lock, so within a process time never runs backwards along the chain.
            var entry = AuditEntryBuilder.Build(Service, ++sequence, AuditCanonicalForm.Truncate(clock.GetUtcNow()), record, previousHash);
            entries.Add(entry);
            previousHash = entry.Hash;
        }

        db.Entries.AddRange(entries);
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    /// <summary>A record waiting for a writer, and its caller's wait.</summary>
    private sealed class PendingAppend(AuditRecord record)
    {
        public AuditRecord Record { get; } = record;

        // Continuations run on the pool, not inline on the writer while it still holds the gate.
        public TaskCompletionSource<AuditEntry> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} audit entries for {Service} failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string service, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit append for {Service} conflicted (attempt {Attempt}); retrying on the new head: {Reason}")]
    private static partial void LogRetry(ILogger logger, string service, int attempt, string reason);
}

/// <summary>Turns a record into the entry that is stored and hashed: text cleaned and cut first, then hashed.</summary>
internal static class AuditEntryBuilder
{
    public static AuditEntry Build(string service, long sequence, DateTimeOffset occurredAt, AuditRecord record, string previousHash)
    {
        var entry = new AuditEntry
        {
            Service = AuditText.Clean(service, AuditText.ServiceLength)!,
            Sequence = sequence,
            OccurredAt = occurredAt,
            Kind = record.Kind,
            UserId = AuditText.Clean(record.UserId, AuditText.UserLength),
            UserName = AuditText.Clean(record.UserName, AuditText.UserLength),
            Roles = AuditText.Roles(record.Roles),
            Action = AuditText.Clean(record.Action, AuditText.ActionLength)!,
            Method = AuditText.Clean(record.Method, AuditText.MethodLength),
            Route = AuditText.Clean(record.Route, AuditText.RouteLength),
            EndpointName = AuditText.Clean(record.EndpointName, AuditText.ActionLength),
            Path = AuditText.Clean(record.Path, AuditText.PathLength),
            Target = AuditText.Target(record.Target),
            StatusCode = record.StatusCode,
            RequestId = AuditText.Clean(record.RequestId, AuditText.IdLength),
            TraceId = AuditText.Clean(record.TraceId ?? Activity.Current?.TraceId.ToHexString(), AuditText.IdLength),
            Detail = AuditText.Clean(record.Detail, AuditText.DetailLength),
            PreviousHash = previousHash,
        };
        entry.Hash = AuditCanonicalForm.Hash(previousHash, entry);
        return entry;
    }
}

/// <summary>The last entry of a service's chain: where the next entries continue from.</summary>
internal sealed record ChainHead(long Sequence, string Hash);
