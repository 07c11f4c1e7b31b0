using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Zgc.Audit.Persistence;

namespace Zgc.Audit;

/// <summary>
/// One service's chain. An append reads the last entry and inserts the next one inside a single transaction that first
/// takes the chain's lock (<see cref="AuditStore.LockChain"/>), so appends from several replicas queue instead of forking;
/// the key on (service, sequence) is the backstop, and a conflicting insert is retried on the new last entry.
/// </summary>
internal sealed partial class AuditLog(string service, AuditStore store, TimeProvider clock, AuditMetrics metrics, ILogger<AuditLog> logger) : IAuditLog, IDisposable
{
    private const int MaxAttempts = 5;

    // Appends of this process wait here rather than in the database: fewer lock waits, and SQLite has one writer anyway.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Service { get; } = service;

    internal AuditStore Store => store;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var started = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var entry = await AppendOnce(record, cancellationToken);
                    metrics.Appended(Service, Stopwatch.GetElapsedTime(started));
                    return entry;
                }
                catch (DbUpdateException e) when (attempt < MaxAttempts)
                {
                    // Another writer took the sequence number first (the lock was bypassed or timed out): read the new head and retry.
                    LogRetry(logger, Service, attempt, e.InnerException?.Message ?? e.Message);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
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
        // No retry here: after a failed statement the owner's transaction is unusable (PostgreSQL), so the caller retries the whole unit.
        var entry = await AppendHere(db, record, cancellationToken);
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

    private async Task<AuditEntry> AppendOnce(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var db = store.Open();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await AppendHere(db, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry;
    }

    /// <summary>Locks the chain, reads its head and inserts the next entry, in <paramref name="db"/>'s current transaction.</summary>
    private async Task<AuditEntry> AppendHere(AuditDbContext db, AuditRecord record, CancellationToken cancellationToken)
    {
        await store.LockChain(db, Service, cancellationToken);
        var head = await db.Entries.AsNoTracking().Where(e => e.Service == Service).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);

        // The time is taken under the lock, so within a process time never runs backwards along the chain.
        var entry = AuditEntryBuilder.Build(Service, head?.Sequence + 1 ?? 1, AuditCanonicalForm.Truncate(clock.GetUtcNow()), record,
            head?.Hash ?? AuditCanonicalForm.GenesisHash);
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

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
