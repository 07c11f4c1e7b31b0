using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Inbox;
using Zgc.Messaging.TestHost;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The inbox row written by one insert-if-absent statement (PostgreSQL, SQLite): the first claim of a message wins, a second
/// one finds it, and the row reads back through EF exactly as written (the raw statement must store ids and instants the
/// way the model does, or the retention clean-up and the duplicate test would miss it).
/// </summary>
public sealed class InboxClaimTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 27, 8, 30, 15, 123, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_SQLite_a_message_is_claimed_once_per_consumer_and_reads_back_as_written() => TestDatabases.OnSqlite(AssertClaimedOncePerConsumer);

    [Fact]
    public Task On_PostgreSQL_a_message_is_claimed_once_per_consumer_and_reads_back_as_written() =>
        TestDatabases.OnPostgres("zgc_inbox_claim_", AssertClaimedOncePerConsumer);

    private static async Task AssertClaimedOncePerConsumer(TestDbContext db)
    {
        var message = Guid.NewGuid();
        var consumer = Guid.NewGuid();

        Assert.True(await Claim(db, message, consumer));
        Assert.False(await Claim(db, message, consumer));
        // Another consumer of the same message has its own row.
        Assert.True(await Claim(db, message, Guid.NewGuid()));

        var row = await db.Set<InboxMessage>().AsNoTracking().SingleAsync(x => x.MessageId == message && x.ConsumerId == consumer, Ct);
        Assert.Equal("Tests.Consumer", row.ConsumerType);
        Assert.Equal(ReceivedAt, row.ReceivedAt);
        // Compared as instants in SQL, as the retention clean-up does.
        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(x => x.ConsumerId == consumer && x.ReceivedAt > ReceivedAt.AddSeconds(-1) && x.ReceivedAt < ReceivedAt.AddSeconds(1), Ct));
    }

    private static async Task<bool> Claim(TestDbContext db, Guid message, Guid consumer)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var claimed = await InboxClaim.TryClaim(db, new InboxMessage { MessageId = message, ConsumerId = consumer, ConsumerType = "Tests.Consumer", ReceivedAt = ReceivedAt }, Ct);
        await transaction.CommitAsync(Ct);
        return claimed;
    }
}
