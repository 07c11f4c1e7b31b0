using Microsoft.EntityFrameworkCore;

namespace Zgc.Audit;

/// <summary>
/// A service's append-only, hash-chained audit log. State-changing HTTP requests are appended by the platform; domain code
/// and message consumers append what else must be accountable (e.g. a decision taken on a message). Registered per
/// service as a keyed singleton: <c>[FromKeyedServices("intake")] IAuditLog audit</c>.
/// </summary>
public interface IAuditLog
{
    /// <summary>The service this log belongs to.</summary>
    string Service { get; }

    /// <summary>
    /// Appends one entry after the current last one and returns it as stored. Call it after the decision has committed:
    /// the log has its own transaction, so an entry for a decision that later rolls back would stay.
    /// </summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends one entry inside <paramref name="owner"/>'s open transaction, on its connection (the service's database), so
    /// the entry commits or rolls back with the decision. Use it from a message consumer, whose changes the platform commits
    /// after <c>Consume</c> returns. The chain stays locked until that transaction ends, so keep the rest of it short.
    /// </summary>
    Task<AuditEntry> AppendWithinAsync(DbContext owner, AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Walks the whole chain and reports the first broken link, if any.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
