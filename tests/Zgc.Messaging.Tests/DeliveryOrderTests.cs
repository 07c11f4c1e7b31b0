using Zgc.Messaging.Tests.Support;

namespace Zgc.Messaging.Tests;

/// <summary>
/// Delivery runs conversations side by side (Messaging:OutboxSendConcurrency) yet keeps each producing transaction's
/// order, on PostgreSQL and RabbitMQ — whether a lane is published back to back on the outbox's own channel (the default)
/// or sent row by row through MassTransit. The order is read from the broker: a queue of the test's own bound to the
/// Ping exchange.
/// </summary>
public sealed class DeliveryOrderTests : IAsyncLifetime
{
    private TestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await TestBed.Create();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task Lanes_published_back_to_back_reach_the_broker_in_each_transactions_order()
    {
        await using var probe = await WireOrderProbe.Start(_bed.VirtualHost.Uri);
        var (_, api) = await _bed.Start();

        await SendOrder.AssertEachTransactionInOrderOnTheWire(api, probe, _bed.Logs, transactions: 8, perTransaction: 60);

        // The first Ping went through MassTransit (which declares the exchange); the rest were published directly.
        var byPath = await api.DeliveredByPath();
        Assert.True(byPath.GetValueOrDefault("direct") >= 8 * 60 - 8, $"direct publishes: {string.Join(", ", byPath)}");
    }

    [Fact]
    public async Task Without_direct_publishing_each_send_waits_for_the_previous_ones_confirm()
    {
        await using var probe = await WireOrderProbe.Start(_bed.VirtualHost.Uri);
        var (_, api) = await _bed.Start(new Dictionary<string, string> { ["Messaging__OutboxDirectPublish"] = "false" });

        await SendOrder.AssertEachTransactionInOrder(api, _bed.Logs);

        var byPath = await api.DeliveredByPath();
        Assert.Equal(0, byPath.GetValueOrDefault("direct"));
    }
}
