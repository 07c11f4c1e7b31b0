using Zgc.Testing;

namespace Zgc.Messaging.Tests.Support;

/// <summary>Produces several transactions of Pings at once and checks each was delivered in its own order.</summary>
internal static class SendOrder
{
    public static async Task AssertEachTransactionInOrder(HostApi api, string where, int transactions = 8, int perTransaction = 25)
    {
        var keys = Enumerable.Range(0, transactions).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(keys.Select(key => api.ProducePings(key, perTransaction)));

        foreach (var key in keys)
        {
            var order = await Eventually.Get(async () => (string[]?)await api.SendOrder(key), o => o!.Count(x => x.StartsWith("post", StringComparison.Ordinal)) == perTransaction,
                $"all {perTransaction} Pings of {key} confirmed ({where})", TimeSpan.FromSeconds(60));
            // Each send starts only after the previous one of its transaction was confirmed by the transport.
            var expected = Enumerable.Range(0, perTransaction).SelectMany(n => new[] { $"pre {n}", $"post {n}" });
            Assert.True(expected.SequenceEqual(order!), $"expected strict alternation, got: {string.Join(", ", order!)}");
        }

        // Let every Ping be handled before the next test counts deliveries on the same host.
        foreach (var key in keys)
        {
            await Eventually.Get(async () => (HostStats?)await api.Stats(key), s => s!.Effect("ping") == perTransaction,
                $"all {perTransaction} Pings of {key} handled ({where})", TimeSpan.FromSeconds(60));
        }
    }
}
