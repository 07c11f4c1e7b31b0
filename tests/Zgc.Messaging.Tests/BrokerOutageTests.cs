using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>The shared RabbitMQ broker is stopped for a while: producing still works, and delivery catches up.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private TestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await TestBed.Create();

    public async ValueTask DisposeAsync()
    {
        // Whatever happened, the broker is up again before the virtual host is deleted and the next test runs.
        await Broker.Start();
        await _bed.DisposeAsync();
    }

    [Fact]
    public async Task Messages_produced_while_the_broker_is_down_are_delivered_once_it_is_back()
    {
        var key = Guid.NewGuid();
        // A send to the missing broker is abandoned after SendTimeout and retried; 5 s (not 15) keeps the catch-up short.
        var (_, api) = await _bed.Start(new Dictionary<string, string> { ["Messaging__SendTimeout"] = "00:00:05" });

        try
        {
            await Broker.Stop();
            // Only the database is touched: the request succeeds without a broker.
            await api.ProducePings(key, 100);
            await Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.True((await api.Stats(key)).Effect("ping") == 0, "nothing can be delivered while the broker is down");
        }
        finally
        {
            await Broker.Start();
        }

        var stats = await Eventually.Get(async () => (HostStats?)await api.Stats(key), s => s!.Effect("ping") >= 100,
            $"100 pings after the broker came back ({_bed.Logs})", TimeSpan.FromSeconds(90));
        Assert.Equal(100, stats.Effect("ping"));
    }
}
