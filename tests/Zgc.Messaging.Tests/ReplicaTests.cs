using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// Two replicas of one service on one PostgreSQL database and one RabbitMQ virtual host: duplicates, contention
/// on one saga, competing outbox workers and timers. Counts of raw receives are compared before and after each
/// test, since the replicas serve the whole class.
/// </summary>
public sealed class ReplicaTests(TwoReplicas replicas) : IClassFixture<TwoReplicas>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Logs => replicas.Bed.Logs;

    [Fact]
    public async Task The_same_message_delivered_three_times_is_handled_once()
    {
        var key = Guid.NewGuid();
        var before = await replicas.Received("msgtest-ping");

        await replicas.First.ProduceDuplicatePing(key, copies: 3);

        await Eventually.Get(async () => (int?)await replicas.Received("msgtest-ping"), n => n - before >= 3,
            $"three deliveries of the Ping ({Logs})", Patience);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var stats = await replicas.First.Stats(key);
        Assert.True(stats.Effect("ping") == 1, $"one effect for three deliveries, got {stats} ({Logs})");
        Assert.Equal(3, await replicas.Received("msgtest-ping") - before);
    }

    [Fact]
    public async Task Sixteen_concurrent_increments_of_one_saga_are_all_applied()
    {
        var counter = Guid.NewGuid();
        var failedSavesBefore = (await Task.WhenAll(replicas.Both.Select(r => r.Stats()))).Sum(s => s.FailedSaves);

        await replicas.First.ProduceIncrements(counter, 16);

        var saga = await Eventually.Get(() => replicas.Second.Counter(counter), c => c?.Count == 16,
            $"16 increments applied ({Logs})", Patience);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        saga = await replicas.First.Counter(counter);
        Assert.Equal(16, saga!.Count);
        Assert.Equal(16, saga.Version);

        var conflicts = (await Task.WhenAll(replicas.Both.Select(r => r.Stats()))).Sum(s => s.FailedSaves) - failedSavesBefore;
        TestContext.Current.TestOutputHelper?.WriteLine($"{conflicts} conflicting saves were retried on the way to 16/16.");
    }

    [Fact]
    public async Task A_thousand_messages_in_one_transaction_are_each_delivered_once_across_two_replicas()
    {
        var key = Guid.NewGuid();
        var before = await replicas.Received("msgtest-ping");

        await replicas.First.ProducePings(key, 1000);

        await Eventually.Get(async () => (HostStats?)await replicas.First.Stats(key), s => s!.Effect("ping") >= 1000,
            $"1000 ping effects ({Logs})", TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var perReplica = await Task.WhenAll(replicas.Both.Select(r => r.Stats()));
        var received = perReplica.Sum(s => s.Received("msgtest-ping")) - before;
        Assert.True(received == 1000, $"1000 raw receives in all, got {received}: {string.Join(" | ", perReplica.Select(s => s.ToString()))} ({Logs})");
        Assert.Equal(1000, (await replicas.First.Stats(key)).Effect("ping"));
        Assert.Equal(0, await replicas.Bed.Count("""SELECT count(*) FROM "OutboxMessages" WHERE "DeliveredAt" IS NULL"""));
    }

    [Fact]
    public async Task A_cancelled_timer_never_fires()
    {
        var key = Guid.NewGuid();
        var token = await replicas.First.ScheduleWakeup(key, seconds: 3);
        Assert.Contains(await replicas.Second.Timers(), t => t.TokenId == token);

        await replicas.Second.Cancel(token);

        Assert.DoesNotContain(await replicas.First.Timers(), t => t.TokenId == token);
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        var stats = await replicas.First.Stats(key);
        Assert.True(stats.Effect("wakeup") == 0, $"no wakeup, got {stats} ({Logs})");
    }

    [Fact]
    public async Task A_state_machine_timer_fires_once_after_its_delay_and_is_listed_until_then()
    {
        var counter = Guid.NewGuid();
        var started = DateTimeOffset.UtcNow;

        await replicas.First.StartTimer(counter, seconds: 3);

        var scheduled = await Eventually.Get(() => replicas.Second.Counter(counter), c => c?.TimeoutTokenId is not null,
            $"the counter with its timer ({Logs})", Patience);
        var timer = Assert.Single(await replicas.First.Timers(), t => t.TokenId == scheduled.TimeoutTokenId);
        Assert.EndsWith(".TimerElapsed", timer.MessageType, StringComparison.Ordinal);

        await Eventually.Get(() => replicas.First.Counter(counter), c => c?.TimerFired == 1, $"the timeout ({Logs})", Patience);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(2.9), "the timeout arrived before its delay");
        Assert.DoesNotContain(await replicas.Second.Timers(), t => t.TokenId == scheduled.TimeoutTokenId);

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(1, (await replicas.Second.Counter(counter))!.TimerFired);
    }

    [Fact]
    public async Task An_unscheduled_state_machine_timer_never_fires()
    {
        var counter = Guid.NewGuid();
        await replicas.First.StartTimer(counter, seconds: 3);
        var scheduled = await Eventually.Get(() => replicas.First.Counter(counter), c => c?.TimeoutTokenId is not null,
            $"the counter with its timer ({Logs})", Patience);
        Assert.Contains(await replicas.Second.Timers(), t => t.TokenId == scheduled.TimeoutTokenId);

        await replicas.Second.CancelTimer(counter);

        await Eventually.Get(() => replicas.Second.Counter(counter), c => c?.TimeoutTokenId is null, $"the timer unscheduled ({Logs})", Patience);
        Assert.DoesNotContain(await replicas.First.Timers(), t => t.TokenId == scheduled.TimeoutTokenId);
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(0, (await replicas.First.Counter(counter))!.TimerFired);
    }
}
