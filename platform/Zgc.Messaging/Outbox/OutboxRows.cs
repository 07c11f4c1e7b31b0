using System.Runtime.CompilerServices;
using MassTransit;
using MassTransit.Context;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Zgc.Messaging.Outbox;

/// <summary>Turns a captured MassTransit send into an outbox row on the producing service's DbContext.</summary>
internal static class OutboxRows
{
    /// <summary>The latest instant a context's rows were stamped with, per pool lease (pooled contexts are reused), and
    /// whether the lease's rows still have to wake the delivery worker.</summary>
    private static readonly ConditionalWeakTable<DbContext, StampClock> Stamps = new();

    public static void Add<T>(DbContext db, SendContext<T> context, TimeProvider clock)
        where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message captured by the outbox has no MessageId.");
        var now = Stamp(db, clock);
        var body = context.Serializer.GetMessageBody(context);
        var serializer = SystemTextJsonMessageSerializer.Instance;

        string? properties = null;
        if (context is TransportSendContext<T> transportContext)
        {
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transportContext.WritePropertiesTo(values);
            // The row's due time replaces the transport delay: left in, RabbitMQ would need the
            // delayed-message exchange, which is not installed (notes/MASSTRANSIT.md, pitfall 1).
            values.Remove("Delay");
            properties = serializer.SerializeDictionary(values);
        }

        var row = new OutboxMessage
        {
            MessageId = messageId,
            DueTime = now + (context.Delay is { } delay && delay > TimeSpan.Zero ? delay : TimeSpan.Zero),
            ScheduleTokenId = context.ScheduledMessageId,
            CreatedAt = now,
            DestinationAddress = context.DestinationAddress?.ToString()
                ?? throw new InvalidOperationException($"Message {messageId} has no destination."),
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = body.GetString(),
            Headers = serializer.SerializeDictionary(HeadersWithTrace(context)),
            Properties = properties,
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress?.ToString(),
            ResponseAddress = context.ResponseAddress?.ToString(),
            FaultAddress = context.FaultAddress?.ToString(),
            SentTime = now,
            ExpirationTime = context.TimeToLive is { } ttl ? now + ttl : null,
        };

        // MassTransit may capture several sends of one handler concurrently; the change tracker is not thread-safe.
        lock (db)
        {
            db.Add(row);
        }
    }

    /// <summary>
    /// The instant for a new row: the clock, but never earlier than the previous row of the same context. Delivery goes
    /// in (due time, sequence) order (ADR 0003), so a producing transaction's messages keep their order only if their due
    /// times do not decrease; a wall clock stepped back between two sends of one transaction must not reorder them.
    /// </summary>
    internal static DateTimeOffset Stamp(DbContext db, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var lease = db.ContextId.Lease;
        lock (db)
        {
            var stamp = Stamps.GetOrCreateValue(db);
            if (stamp.Lease != lease || now > stamp.Latest)
            {
                stamp.Lease = lease;
                stamp.Latest = now;
            }

            stamp.Unannounced = true;
            return stamp.Latest;
        }
    }

    /// <summary>
    /// True, once, when <paramref name="db"/>'s current lease added rows since the last call: its commit should wake the
    /// delivery worker (<see cref="OutboxCommitSignal{TDb}"/>).
    /// </summary>
    internal static bool TakeUnannounced(DbContext? db)
    {
        if (db is null || !Stamps.TryGetValue(db, out var stamp))
        {
            return false;
        }

        lock (db)
        {
            var unannounced = stamp.Unannounced && stamp.Lease == db.ContextId.Lease;
            stamp.Unannounced = false;
            return unannounced;
        }
    }

    private sealed class StampClock
    {
        public int Lease { get; set; } = -1;

        public DateTimeOffset Latest { get; set; }

        /// <summary>Rows were added in <see cref="Lease"/> since its commit last woke the delivery worker.</summary>
        public bool Unannounced { get; set; }
    }

    private static Dictionary<string, object> HeadersWithTrace(SendContext context)
    {
        var headers = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Headers.GetAll())
        {
            headers[header.Key] = header.Value;
        }

        OutboxTracing.Capture(headers);
        return headers;
    }

    /// <summary>Cancels timers: forgets rows not yet saved and deletes saved ones that are still pending.</summary>
    public static async Task Cancel(DbContext db, IReadOnlyCollection<Guid> tokenIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (tokenIds.Count == 0)
        {
            return;
        }

        lock (db)
        {
            // Rows are Added only by Add, never found by detecting changes, so the scan of every tracked entity that
            // ChangeTracker.Entries would start first is not needed here (it was a third of a report submission's cancel;
            // docs/performance.md, fix 47); SaveChanges still detects changes as always.
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var unsaved = db.ChangeTracker.Entries<OutboxMessage>()
                    .Where(e => e.State == EntityState.Added && e.Entity.ScheduleTokenId is { } token && tokenIds.Contains(token))
                    .Select(e => e.Entity)
                    .ToList();
                foreach (var row in unsaved)
                {
                    db.Entry(row).State = EntityState.Detached;
                }
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
        }

        // Only the token is in the query: with "and not delivered" beside it SQLite walked the pending rows' index instead
        // of the token's (every future timer of the service, per cancel; docs/performance.md, fix 42). A token has one
        // row, or a few once delivered and set again, so the delivered ones are left out here.
        var rows = await db.Set<OutboxMessage>()
            .Where(x => x.ScheduleTokenId != null && tokenIds.Contains(x.ScheduleTokenId.Value))
            .ToListAsync(cancellationToken);
        db.Set<OutboxMessage>().RemoveRange(rows.Where(x => x.DeliveredAt == null));
    }
}
