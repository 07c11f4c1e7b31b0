using System.Diagnostics;
using Zgc.Messaging.TestHost;
using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The outbox's delivery worker is woken by the commit of a transaction that wrote outbox rows (OutboxCommitSignal), not
/// only by its poll: with the poll interval set to a minute, a message and the one its consumer publishes still arrive in
/// seconds. Without the signal each hop would wait for the next poll.
/// </summary>
public sealed class CommitWakeUpTests(SlowPollHost host) : IClassFixture<SlowPollHost>
{
    [Fact]
    public async Task Rows_committed_by_a_request_and_by_a_consumer_are_delivered_without_waiting_for_the_poll()
    {
        var api = host.Api();
        var key = Guid.NewGuid();
        var watch = Stopwatch.StartNew();

        // The request's transaction writes Step1; Step1's consumer writes Step2 in its own transaction: two wake-ups.
        await api.ProduceStep1(key);

        var stats = await Eventually.Get(async () => (HostStats?)await api.Stats(key), s => s!.Effect("step2") == 1,
            "Step2 delivered on its commit", TimeSpan.FromSeconds(20));
        Assert.Equal(1, stats.Effect("step1"));
        Assert.True(watch.Elapsed < SlowPollHost.PollInterval / 2, $"two hops took {watch.Elapsed}, against a poll of {SlowPollHost.PollInterval}");
    }
}

/// <summary>The TestHost in-process on SQLite and the in-memory bus, its outbox polled once a minute.</summary>
public sealed class SlowPollHost : InProcessHost
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    public override string Name => "in-process on SQLite, polled once a minute";

    protected override Task<ServiceAppFactory<Program>?> CreateFactory() => Task.FromResult<ServiceAppFactory<Program>?>(new SlowPollFactory());

    private sealed class SlowPollFactory : ServiceAppFactory<Program>
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Messaging:OutboxPollInterval"] = PollInterval.ToString(),
        };
    }
}
