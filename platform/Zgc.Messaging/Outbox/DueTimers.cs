using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Takes due timers of one message type out of the outbox in the caller's transaction, so a consumer that handles one
/// timer can handle the others that fell due with it in the same transaction, instead of each taking its own trip through
/// the broker, the consumer pipeline and a commit (docs/performance.md, fix 20; ADR 0003). Only rows the delivery worker has
/// not claimed are taken: on PostgreSQL the rows it holds are skipped (<c>FOR UPDATE SKIP LOCKED</c>, the claim's own
/// lock), and on SQLite the caller's transaction is the single writer, so a claimed row is already marked delivered when
/// it looks. SQL Server takes none (untested here without a server; its timers are delivered one by one as before).
/// </summary>
internal static class DueTimers
{
    public static async Task<IReadOnlyList<DueTimer<T>>> Take<T>(DbContext db, DateTimeOffset now, int max, CancellationToken cancellationToken)
        where T : class
    {
        if (max <= 0 || db.Database.IsSqlServer())
        {
            return [];
        }

        // A row's message type lists every type it is delivered as, its own first ("urn:message:Ns:Type;urn:…").
        var urn = MessageUrn.ForTypeString<T>();
        var rows = db.Database.IsNpgsql()
            ? await TakeOnPostgres(db, now, max, urn, cancellationToken)
            : await TakeOnSqlite(db, now, max, urn, cancellationToken);
        return [.. rows.Select(Read<T>)];
    }

    private static async Task<List<OutboxMessage>> TakeOnPostgres(DbContext db, DateTimeOffset now, int max, string urn, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = entity.GetSchemaQualifiedTableName()!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(store)!;
        var sequence = Column(nameof(OutboxMessage.SequenceNumber));
        var due = Column(nameof(OutboxMessage.DueTime));
        var delivered = Column(nameof(OutboxMessage.DeliveredAt));
        var token = Column(nameof(OutboxMessage.ScheduleTokenId));
        var type = Column(nameof(OutboxMessage.MessageType));

        // Walks the partial index of pending timers in its (due, sequence) order (fix 29: the claim's index also held every
        // pending message, which this walk passed over); rows the worker holds are skipped, not
        // waited for. Only identifiers from the EF model and an integer are concatenated; the values are parameters.
#pragma warning disable EF1003
        return await db.Set<OutboxMessage>().FromSqlRaw(
                $"DELETE FROM \"{table}\" WHERE \"{sequence}\" IN (SELECT \"{sequence}\" FROM \"{table}\" " +
                $"WHERE \"{delivered}\" IS NULL AND \"{due}\" <= {{0}} AND \"{token}\" IS NOT NULL " +
                $"AND (\"{type}\" = {{1}} OR starts_with(\"{type}\", {{2}})) " +
                $"ORDER BY \"{due}\", \"{sequence}\" LIMIT {max} FOR UPDATE SKIP LOCKED) RETURNING *",
                now.ToUniversalTime(), urn, urn + ";") // Npgsql writes timestamptz from UTC offsets only (a clock may carry Beijing's)
            .AsNoTracking().ToListAsync(cancellationToken);
#pragma warning restore EF1003
    }

    private static async Task<List<OutboxMessage>> TakeOnSqlite(DbContext db, DateTimeOffset now, int max, string urn, CancellationToken cancellationToken)
    {
        // The caller's transaction began IMMEDIATE (the single writer): nothing can claim these rows between the read and the delete.
        var prefix = urn + ";";
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(x => x.DeliveredAt == null && x.DueTime <= now && x.ScheduleTokenId != null && (x.MessageType == urn || x.MessageType.StartsWith(prefix)))
            .OrderBy(x => x.DueTime).ThenBy(x => x.SequenceNumber).Take(max)
            .ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            var taken = rows.Select(r => r.SequenceNumber).ToList();
            await db.Set<OutboxMessage>().Where(x => taken.Contains(x.SequenceNumber) && x.DeliveredAt == null).ExecuteDeleteAsync(cancellationToken);
        }

        return rows;
    }

    private static DueTimer<T> Read<T>(OutboxMessage row)
        where T : class
    {
        // The body is MassTransit's envelope; the message is its "message" member, read as the consumer would read it.
        using var envelope = JsonDocument.Parse(row.Body);
        var message = envelope.RootElement.GetProperty("message").Deserialize<T>(SystemTextJsonMessageSerializer.Options)
            ?? throw new InvalidOperationException($"Timer {row.ScheduleTokenId} ({row.MessageType}) has an empty message.");
        return new DueTimer<T>(message, row.ScheduleTokenId!.Value, row.DueTime, row.ConversationId);
    }
}
