using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// The delivery round's LINQ queries, compiled once per model: every round of every service runs them (dozens a second
/// in the standalone host while a programme walks; an empty claim 54 → 40 µs of CPU, docs/performance.md, fix 40). PostgreSQL and
/// SQL Server claim with their own SQL (<see cref="OutboxDeliveryService{TDb}"/>); SQLite claims with these.
/// </summary>
internal static class OutboxQueries
{
    /// <summary>The first due rows, timers among them, in claim order (SQLite).</summary>
    public static readonly ModelCompiledListQuery<DbContext, DateTimeOffset, int, OutboxMessage> FirstDue =
        new((db, now, batch) => db.Set<OutboxMessage>().AsNoTracking().Where(x => x.DeliveredAt == null && x.DueTime <= now)
            .OrderBy(x => x.DueTime).ThenBy(x => x.SequenceNumber).Take(batch));

    /// <summary>The first due rows that are not timers, in claim order (SQLite).</summary>
    public static readonly ModelCompiledListQuery<DbContext, DateTimeOffset, int, OutboxMessage> FirstDueMessages =
        new((db, now, batch) => db.Set<OutboxMessage>().AsNoTracking().Where(x => x.DeliveredAt == null && x.DueTime <= now && x.ScheduleTokenId == null)
            .OrderBy(x => x.DueTime).ThenBy(x => x.SequenceNumber).Take(batch));

    /// <summary>
    /// The pending rows of the given conversations (and, when asked, of none) due up to an instant: read off the partial
    /// index of pending rows by conversation (fix 29).
    /// </summary>
    public static readonly ModelCompiledListQuery<DbContext, DateTimeOffset, List<Guid?>, bool, PendingRow> PendingInConversations =
        new((db, latestDue, conversations, withoutConversation) => db.Set<OutboxMessage>().AsNoTracking()
            .Where(x => x.DeliveredAt == null && x.DueTime <= latestDue
                        && (conversations.Contains(x.ConversationId) || (withoutConversation && x.ConversationId == null)))
            .Select(x => new PendingRow(x.ConversationId, x.DueTime, x.SequenceNumber)));
}

/// <summary>A pending row's place in its conversation's lane.</summary>
internal sealed record PendingRow(Guid? ConversationId, DateTimeOffset DueTime, long SequenceNumber);
