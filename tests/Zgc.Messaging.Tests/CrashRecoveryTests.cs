using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// Processes killed at the worst moment, then restarted on the same PostgreSQL database and RabbitMQ virtual
/// host: what was committed is delivered, and nothing is handled twice.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private TestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await TestBed.Create();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task A_message_committed_by_a_consumer_that_dies_before_delivery_is_delivered_after_restart_and_nothing_runs_twice()
    {
        var key = Guid.NewGuid();
        var (crashing, api) = await _bed.Start(new Dictionary<string, string> { ["Messaging__CrashAfterOutboxCommit"] = "true" });

        // The API's own commit does not crash; Step1Consumer's does, right after it committed Step2 to the outbox.
        await api.ProduceStep1(key);
        await Eventually.True(() => Task.FromResult(crashing.HasExited), $"the host to fail fast after Step1Consumer's commit ({_bed.Logs})",
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, await _bed.Effects("step1", key));
        Assert.Equal(0, await _bed.Effects("step2", key));
        Assert.Equal(1, await _bed.Count(
            """SELECT count(*) FROM "OutboxMessages" WHERE "MessageType" LIKE '%:Step2%' AND "DeliveredAt" IS NULL"""));

        var (_, restarted) = await _bed.Start();

        // Step1 was never acknowledged, so the broker delivers it again; the inbox absorbs it. Step2 leaves the outbox.
        var stats = await Eventually.Get(async () => (HostStats?)await restarted.Stats(key),
            s => s!.Effect("step2") == 1 && s.Received("msgtest-step1") == 1,
            $"Step2 delivered and Step1 redelivered after the restart ({_bed.Logs})", TimeSpan.FromSeconds(60));
        Assert.Equal(1, stats.Effect("step1"));

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var settled = await restarted.Stats(key);
        Assert.True(settled.Effect("step1") == 1 && settled.Effect("step2") == 1, $"each step once, got {settled} ({_bed.Logs})");
        Assert.Equal(0, await _bed.Count("""SELECT count(*) FROM "OutboxMessages" WHERE "DeliveredAt" IS NULL"""));
    }

    [Fact]
    public async Task A_timer_whose_host_is_killed_fires_exactly_once_after_restart()
    {
        var key = Guid.NewGuid();
        var (host, api) = await _bed.Start();

        var token = await api.ScheduleWakeup(key, seconds: 5);
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        host.Kill();

        Assert.Equal(1, await _bed.Count(
            """SELECT count(*) FROM "OutboxMessages" WHERE "ScheduleTokenId" = @token AND "DeliveredAt" IS NULL""", ("token", token)));
        var wait = due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await _bed.Effects("wakeup", key));
        var (_, restarted) = await _bed.Start();

        await Eventually.Get(async () => (HostStats?)await restarted.Stats(key), s => s!.Effect("wakeup") >= 1,
            $"the overdue wakeup after the restart ({_bed.Logs})", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var settled = await restarted.Stats(key);
        Assert.True(settled.Effect("wakeup") == 1, $"the wakeup once, got {settled} ({_bed.Logs})");
        Assert.DoesNotContain(await restarted.Timers(), t => t.TokenId == token);
    }
}
