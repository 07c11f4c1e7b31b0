using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost;

namespace Zgc.Messaging.Tests;

/// <summary>
/// <see cref="IOutbox{TDb}.WriteAdded"/> (fix 30): the rows a unit of work added are written in its transaction — on
/// PostgreSQL by one binary COPY — exactly as EF's save writes them, numbered in the order they were added, and gone
/// if the transaction rolls back.
/// </summary>
public sealed class OutboxCopyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(8));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_PostgreSQL_written_rows_equal_saved_ones_keep_their_order_and_roll_back_with_the_transaction() =>
        TestDatabases.OnPostgres("zgc_outbox_copy_", AssertWrites);

    [Fact]
    public Task On_SQLite_the_rows_are_saved_in_the_transaction() => TestDatabases.OnSqlite(AssertWrites);

    [Fact]
    public async Task Outside_a_transaction_nothing_is_written_and_the_caller_is_told()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var db = new SqliteTestDbContext(new DbContextOptionsBuilder<SqliteTestDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync(Ct);
        db.Add(Row(1, full: true));

        await Assert.ThrowsAsync<InvalidOperationException>(() => OutboxCopy.WriteAdded(db, Ct));
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(Ct));
    }

    private static async Task AssertWrites(TestDbContext db)
    {
        // The reference: one row saved by EF. Then three written by WriteAdded, one with every optional column empty.
        var saved = Row(0, full: true);
        db.Add(saved);
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        var written = new[] { Row(1, full: true), Row(2, full: false), Row(3, full: true) };
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.AddRange(written);
            await OutboxCopy.WriteAdded(db, Ct);
            Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
            await transaction.CommitAsync(Ct);
        }

        var rows = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(r => r.SequenceNumber).ToListAsync(Ct);
        Assert.Equal([saved.MessageId, .. written.Select(r => r.MessageId)], rows.Select(r => r.MessageId));
        var reference = rows[0];
        var full = rows[1];
        foreach (var property in typeof(OutboxMessage).GetProperties().Where(p => p.Name is not (nameof(OutboxMessage.SequenceNumber) or nameof(OutboxMessage.MessageId))))
        {
            Assert.True(Equals(property.GetValue(reference), property.GetValue(full)),
                $"{property.Name}: saved {property.GetValue(reference)}, written {property.GetValue(full)}");
        }

        var empty = rows[2];
        Assert.Null(empty.ScheduleTokenId);
        Assert.Null(empty.Headers);
        Assert.Null(empty.ConversationId);
        Assert.Null(empty.ExpirationTime);
        Assert.Equal(Now, empty.DueTime);

        await using (var rolledBack = await db.Database.BeginTransactionAsync(Ct))
        {
            db.Add(Row(4, full: true));
            await OutboxCopy.WriteAdded(db, Ct);
            await rolledBack.RollbackAsync(Ct);
        }

        Assert.Equal(4, await db.Set<OutboxMessage>().CountAsync(Ct));
    }

    /// <summary>Every column set (<paramref name="full"/>), or only the required ones; the same values for every full row but the id.</summary>
    private static OutboxMessage Row(int index, bool full) => new()
    {
        MessageId = NewId.NextGuid(),
        DueTime = Now,
        CreatedAt = Now.AddSeconds(-1),
        SentTime = Now.AddSeconds(-1),
        DeliveryAttempts = full ? 2 : 0,
        LastError = full ? "BrokerUnreachable: 连接被拒绝" : null,
        DestinationAddress = "rabbitmq://localhost/zgc/Zgc.Notice.Contracts:NoticePassed",
        ContentType = "application/vnd.masstransit+json",
        MessageType = "urn:message:Zgc.Notice.Contracts:NoticePassed",
        Body = full ? """{"message":{"noticeId":"7d0c2f0e-0000-0000-0000-000000000000","reason":"公示期内无异议。"}}""" : "{}",
        ScheduleTokenId = full ? new Guid("5a2b1c3d-0000-0000-0000-000000000001") : null,
        Headers = full ? """{"MT-Activity-Id":"00-abc-def-01"}""" : null,
        Properties = full ? """{"Persistent":true}""" : null,
        ConversationId = full ? new Guid("5a2b1c3d-0000-0000-0000-000000000002") : null,
        CorrelationId = full ? new Guid("5a2b1c3d-0000-0000-0000-000000000003") : null,
        InitiatorId = full ? new Guid("5a2b1c3d-0000-0000-0000-000000000004") : null,
        RequestId = full ? new Guid("5a2b1c3d-0000-0000-0000-000000000005") : null,
        SourceAddress = full ? "rabbitmq://localhost/zgc/notice" : null,
        ResponseAddress = full ? "rabbitmq://localhost/zgc/response" : null,
        FaultAddress = full ? "rabbitmq://localhost/zgc/fault" : null,
        ExpirationTime = full ? Now.AddDays(1) : null,
        DeliveredAt = null,
    };
}
