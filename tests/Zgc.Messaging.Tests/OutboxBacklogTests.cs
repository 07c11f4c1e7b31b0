using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost;

namespace Zgc.Messaging.Tests;

/// <summary>The backlog operators watch (<c>GET /{service}/outbox</c>, metric <c>zgc.outbox.oldest_pending_age</c>).</summary>
public sealed class OutboxBacklogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_oldest_pending_age_is_that_of_the_earliest_due_message_not_of_the_first_written()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var db = new SqliteTestDbContext(new DbContextOptionsBuilder<SqliteTestDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync(Ct);
        var now = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
        // Written first: a timer that fell due a minute ago. Written later: a message due (and waiting) for ten minutes.
        db.Set<OutboxMessage>().AddRange(Row(due: now.AddMinutes(-1)), Row(due: now.AddMinutes(-10)), Row(due: now.AddDays(3)));
        await db.SaveChangesAsync(Ct);

        var backlog = await OutboxBacklog.Measure(db, "test", now, Ct);

        Assert.Equal(2, backlog.MessagesPending);
        Assert.Equal(600, backlog.OldestPendingAgeSeconds, precision: 3);
        Assert.Equal(1, backlog.TimersPending);
    }

    private static OutboxMessage Row(DateTimeOffset due) => new()
    {
        MessageId = Guid.NewGuid(),
        DueTime = due,
        CreatedAt = due.AddDays(-1),
        SentTime = due.AddDays(-1),
        DestinationAddress = "loopback://localhost/test",
        ContentType = "application/vnd.masstransit+json",
        MessageType = "urn:message:Test:Ping",
        Body = "{}",
    };
}
