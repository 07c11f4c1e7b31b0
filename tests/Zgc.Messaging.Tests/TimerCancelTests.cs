using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost;

namespace Zgc.Messaging.Tests;

public sealed record Reminder(Guid Subject, int Days);

/// <summary>
/// Timers scheduled under tokens the caller derives (fix 42) and cancelled several at once: only the named timers that are
/// still pending go, saved or not; delivered rows, other timers and tokens never used are left alone.
/// </summary>
public sealed class TimerCancelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_timer_token_is_the_same_for_the_same_subject_and_purpose_and_differs_otherwise()
    {
        var subject = Guid.NewGuid();
        Assert.Equal(TimerToken.For(subject, "due"), TimerToken.For(subject, "due"));
        Assert.NotEqual(TimerToken.For(subject, "due"), TimerToken.For(subject, "reminder-14"));
        Assert.NotEqual(TimerToken.For(subject, "due"), TimerToken.For(Guid.NewGuid(), "due"));
        Assert.Equal(8, TimerToken.For(subject, "due").Version);
        Assert.Throws<ArgumentException>(() => TimerToken.For(subject, " "));
    }

    [Fact]
    public Task On_SQLite_named_pending_timers_are_cancelled_in_one_call_and_the_rest_kept() => TestDatabases.OnSqlite(AssertCancels);

    [Fact]
    public Task On_PostgreSQL_named_pending_timers_are_cancelled_in_one_call_and_the_rest_kept() =>
        TestDatabases.OnPostgres("zgc_timer_cancel_", AssertCancels);

    private static async Task AssertCancels(TestDbContext db)
    {
        var bus = Bus.Factory.CreateUsingInMemory(_ => { });
        await using var services = new ServiceCollection().BuildServiceProvider();
        var outbox = new DbOutbox<TestDbContext>(db, bus, new FakeTimeProvider(Now), services);
        var subject = Guid.NewGuid();
        Guid Token(int days) => TimerToken.For(subject, $"reminder-{days}");

        await outbox.SchedulePublish(Now.AddDays(1), new Reminder(subject, 14), Token(14), Ct);
        await outbox.SchedulePublish(Now.AddDays(2), new Reminder(subject, 3), Token(3), Ct);
        await outbox.SchedulePublish(Now.AddDays(3), new Reminder(subject, 1), Token(1), Ct);
        var other = await outbox.SchedulePublish(Now.AddDays(1), new Reminder(Guid.NewGuid(), 14), Ct);
        await db.SaveChangesAsync(Ct);
        var rows = await db.Set<OutboxMessage>().Where(x => x.ScheduleTokenId != null).ToListAsync(Ct);
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.ScheduleTokenId == Token(14) && r.DueTime == Now.AddDays(1));

        // The 3-day reminder was delivered already: cancelling it changes nothing. A timer scheduled in this unit of work
        // and not yet saved is forgotten with the saved ones.
        rows.Single(r => r.ScheduleTokenId == Token(3)).DeliveredAt = Now;
        await db.SaveChangesAsync(Ct);
        await outbox.SchedulePublish(Now.AddDays(4), new Reminder(subject, 7), Token(7), Ct);

        await outbox.Cancel([Token(14), Token(3), Token(1), Token(7), TimerToken.For(subject, "never-scheduled")], Ct);
        await db.SaveChangesAsync(Ct);

        var left = await db.Set<OutboxMessage>().AsNoTracking().Where(x => x.ScheduleTokenId != null).ToListAsync(Ct);
        Assert.Equal([other, Token(3)], left.OrderBy(r => r.DueTime).Select(r => r.ScheduleTokenId!.Value));
        Assert.NotNull(left.Single(r => r.ScheduleTokenId == Token(3)).DeliveredAt);
    }
}
