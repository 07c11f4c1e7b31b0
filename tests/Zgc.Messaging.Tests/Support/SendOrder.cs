using Zgc.Testing;

namespace Zgc.Messaging.Tests.Support;

/// <summary>Produces several transactions of Pings at once and checks each was delivered in its own order.</summary>
internal static class SendOrder
{
    /// <summary>
    /// Through MassTransit's send (the in-memory transport): each send of a transaction starts only after the previous
    /// one was confirmed.
    /// </summary>
    public static async Task AssertEachTransactionInOrder(HostApi api, string where, int transactions = 8, int perTransaction = 25)
    {
        var keys = await Produce(api, transactions, perTransaction);

        foreach (var key in keys)
        {
            var order = await Eventually.Get(async () => (string[]?)await api.SendOrder(key), o => o!.Count(x => x.StartsWith("post", StringComparison.Ordinal)) == perTransaction,
                $"all {perTransaction} Pings of {key} confirmed ({where})", TimeSpan.FromSeconds(60));
            // Each send starts only after the previous one of its transaction was confirmed by the transport.
            var expected = Enumerable.Range(0, perTransaction).SelectMany(n => new[] { $"pre {n}", $"post {n}" });
            Assert.True(expected.SequenceEqual(order!), $"expected strict alternation, got: {string.Join(", ", order!)}");
        }

        await AllHandled(api, where, keys, perTransaction);
    }

    /// <summary>
    /// On RabbitMQ, where a transaction's rows may be published back to back on one channel: the broker enqueues each
    /// transaction's Pings in their order, every one exactly once.
    /// </summary>
    public static async Task AssertEachTransactionInOrderOnTheWire(HostApi api, WireOrderProbe probe, string where, int transactions = 8,
        int perTransaction = 25)
    {
        var keys = await Produce(api, transactions, perTransaction);
        foreach (var key in keys)
        {
            var order = await Eventually.Get(() => Task.FromResult<int[]?>(probe.Arrived(key)), o => o!.Length >= perTransaction,
                $"all {perTransaction} Pings of {key} enqueued ({where})", TimeSpan.FromSeconds(60));
            Assert.Equal(Enumerable.Range(0, perTransaction), order!);
        }

        await AllHandled(api, where, keys, perTransaction);
    }

    private static async Task<Guid[]> Produce(HostApi api, int transactions, int perTransaction)
    {
        var keys = Enumerable.Range(0, transactions).Select(_ => Guid.NewGuid()).ToArray();
        await Task.WhenAll(keys.Select(key => api.ProducePings(key, perTransaction)));
        return keys;
    }

    private static async Task AllHandled(HostApi api, string where, Guid[] keys, int perTransaction)
    {
        // Let every Ping be handled before the next test counts deliveries on the same host.
        foreach (var key in keys)
        {
            await Eventually.Get(async () => (HostStats?)await api.Stats(key), s => s!.Effect("ping") == perTransaction,
                $"all {perTransaction} Pings of {key} handled ({where})", TimeSpan.FromSeconds(60));
        }
    }
}
