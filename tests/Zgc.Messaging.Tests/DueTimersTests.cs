using System.Text.Json;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

public sealed record SweptTimer(Guid Key, DateTimeOffset Due);

public sealed record OtherTimer(Guid Key);

/// <summary>
/// Due timers taken over in the caller's transaction (fix 20): only due, undelivered timers of the asked type, oldest first,
/// at most the number asked; their rows are gone once the caller commits and back if it rolls back; on PostgreSQL a row the
/// delivery worker holds is skipped, not waited for.
/// </summary>
public sealed class DueTimersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_SQLite_only_due_undelivered_timers_of_the_type_are_taken_oldest_first_and_a_rollback_keeps_them() =>
        TestDatabases.OnSqlite(AssertTakes);

    [Fact]
    public async Task On_PostgreSQL_only_due_undelivered_timers_of_the_type_are_taken_and_rows_held_by_delivery_are_skipped()
    {
        var connectionString = RealInfrastructure.PostgresDatabase("zgc_due_timers_" + Guid.NewGuid().ToString("N")[..12]);
        var options = new DbContextOptionsBuilder<PostgresTestDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new PostgresTestDbContext(options);
        await db.Database.EnsureCreatedAsync(Ct);
        try
        {
            await AssertTakes(db);

            // The delivery worker's claim holds a due row (FOR UPDATE in its open transaction): a take skips it at once.
            var held = Timer(db, new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-9)), Now.AddMinutes(-9));
            var free = Timer(db, new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-8)), Now.AddMinutes(-8));
            await db.SaveChangesAsync(Ct);
            await using var worker = new PostgresTestDbContext(options);
            await using var claim = await worker.Database.BeginTransactionAsync(Ct);
            await worker.Set<OutboxMessage>().FromSqlInterpolated($"SELECT * FROM \"OutboxMessages\" WHERE \"SequenceNumber\" = {held.SequenceNumber} FOR UPDATE")
                .ToListAsync(Ct);

            var taken = await Take(db, 10);

            Assert.Equal([free.ScheduleTokenId!.Value], taken.Select(t => t.TokenId));
            await claim.RollbackAsync(Ct);
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(x => x.SequenceNumber == held.SequenceNumber && x.DeliveredAt == null, Ct));
        }
        finally
        {
            await db.Database.EnsureDeletedAsync(CancellationToken.None);
        }
    }

    /// <summary>A full take tells the service's delivery worker to leave due timers to the sweeps for a while (fix 27).</summary>
    [Fact]
    public async Task A_take_that_gets_all_it_asked_for_signals_a_sweep_and_a_partial_one_does_not()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var db = new SqliteTestDbContext(new DbContextOptionsBuilder<SqliteTestDbContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync(Ct);
        for (var i = 0; i < 3; i++)
        {
            Timer(db, new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-i)), Now.AddMinutes(-i));
        }

        await db.SaveChangesAsync(Ct);
        var stopwatch = new FakeTimeProvider();
        var signal = new TimerSweepSignal<SqliteTestDbContext>(stopwatch);
        await using var services = new ServiceCollection().AddSingleton(signal).BuildServiceProvider();
        var outbox = new DbOutbox<SqliteTestDbContext>(db, Bus.Factory.CreateUsingInMemory(_ => { }), new FakeTimeProvider(Now), services);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.Equal(2, (await outbox.TakeDueTimers<SweptTimer>(2, Ct)).Count);
            await transaction.CommitAsync(Ct);
        }

        Assert.True(signal.Sweeping);
        stopwatch.Advance(TimerSweepSignal<SqliteTestDbContext>.Pause);
        Assert.False(signal.Sweeping);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.Single(await outbox.TakeDueTimers<SweptTimer>(2, Ct)); // the last one: nothing more to sweep
            await transaction.CommitAsync(Ct);
        }

        Assert.False(signal.Sweeping);
    }

    private static async Task AssertTakes(TestDbContext db)
    {
        var conversation = Guid.NewGuid();
        var oldest = new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-3));
        var older = new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-2));
        var due = new SweptTimer(Guid.NewGuid(), Now);
        Timer(db, due, Now);
        Timer(db, oldest, Now.AddMinutes(-3), conversation);
        Timer(db, older, Now.AddMinutes(-2));
        Timer(db, new SweptTimer(Guid.NewGuid(), Now.AddSeconds(1)), Now.AddSeconds(1)); // not due yet
        Timer(db, new OtherTimer(Guid.NewGuid()), Now.AddMinutes(-5)); // another type
        var delivered = Timer(db, new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-4)), Now.AddMinutes(-4));
        delivered.DeliveredAt = Now.AddMinutes(-4);
        Row(db, new SweptTimer(Guid.NewGuid(), Now.AddMinutes(-6)), Now.AddMinutes(-6), token: null); // a plain message, not a timer
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        // Rolled back: nothing taken for good.
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.Equal(3, (await DueTimers.Take<SweptTimer>(db, Now, 10, Ct)).Count);
            await transaction.RollbackAsync(Ct);
        }

        var first = await Take(db, 2);
        Assert.Equal([oldest, older], first.Select(t => t.Message));
        Assert.Equal(conversation, first[0].ConversationId);
        Assert.Equal(Now.AddMinutes(-3), first[0].DueTime);
        var rest = await Take(db, 10);
        Assert.Equal([due], rest.Select(t => t.Message));
        Assert.Empty(await Take(db, 10));

        // What is left: the timer not yet due, the other type's, the delivered one and the plain message.
        Assert.Equal(4, await db.Set<OutboxMessage>().CountAsync(Ct));
        db.Set<OutboxMessage>().RemoveRange(await db.Set<OutboxMessage>().ToListAsync(Ct));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<IReadOnlyList<DueTimer<SweptTimer>>> Take(TestDbContext db, int max)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var taken = await DueTimers.Take<SweptTimer>(db, Now, max, Ct);
        await transaction.CommitAsync(Ct);
        return taken;
    }

    private static OutboxMessage Timer<T>(TestDbContext db, T message, DateTimeOffset due, Guid? conversation = null)
        where T : class => Row(db, message, due, NewId.NextGuid(), conversation);

    /// <summary>A row as the outbox writes it: MassTransit's envelope (the message in its "message" member) and its type list.</summary>
    private static OutboxMessage Row<T>(TestDbContext db, T message, DateTimeOffset due, Guid? token, Guid? conversation = null)
        where T : class
    {
        var id = NewId.NextGuid();
        var body = JsonSerializer.Serialize(new { messageId = id, messageType = new[] { MessageUrn.ForTypeString<T>() }, message },
            MassTransit.Serialization.SystemTextJsonMessageSerializer.Options);
        var row = new OutboxMessage
        {
            MessageId = id,
            DueTime = due,
            ScheduleTokenId = token,
            CreatedAt = due,
            SentTime = due,
            DestinationAddress = "loopback://localhost/timers",
            ContentType = "application/vnd.masstransit+json",
            MessageType = MessageUrn.ForTypeString<T>() + ";urn:message:Zgc.Messaging.Tests:ITimerBase",
            Body = body,
            Headers = "{}",
            ConversationId = conversation ?? NewId.NextGuid(),
        };
        db.Add(row);
        return row;
    }
}
