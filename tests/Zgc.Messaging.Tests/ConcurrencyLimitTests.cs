using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// How many messages an endpoint handles at once, on PostgreSQL and RabbitMQ: a consumer's own limit
/// (<c>AddConsumer&lt;T&gt;(limit)</c>, the notice service's close sweeps) and an operator's <c>Messaging:ConcurrentMessageLimit</c>,
/// which applies to every endpoint. Each Linger message waits inside its consumer's transaction, so the ones handled at the
/// same time overlap; twelve of them at 300 ms each overlap as far as the limit lets them.
/// </summary>
public sealed class ConcurrencyLimitTests
{
    private const int Messages = 12;

    private const int LingerMs = 300;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_consumer_with_a_limit_of_its_own_handles_that_many_at_once()
    {
        await using var bed = await TestBed.Create();
        var (_, api) = await bed.Start();

        var stats = await LingerAll(api, bed);

        // The transport's default is 16 at once (the prefetch count on two cores): twelve would all overlap without the limit.
        Assert.Equal(2, stats.MostAtOnce);
    }

    [Fact]
    public async Task An_operators_limit_applies_to_every_endpoint_over_a_consumers_own()
    {
        await using var bed = await TestBed.Create();
        var (_, api) = await bed.Start(new Dictionary<string, string> { ["Messaging__ConcurrentMessageLimit"] = "1" });

        var stats = await LingerAll(api, bed);

        Assert.Equal(1, stats.MostAtOnce);
    }

    private static async Task<LingerStats> LingerAll(HostApi api, TestBed bed)
    {
        var key = Guid.NewGuid();
        await api.ProduceLingers(key, Messages, LingerMs);
        return await Eventually.Get(async () => (LingerStats?)await api.Lingers(key), s => s!.Handled == Messages,
            $"{Messages} Linger messages handled ({bed.Logs})", Patience);
    }
}
