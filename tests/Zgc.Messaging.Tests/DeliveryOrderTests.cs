using Zgc.Messaging.Tests.Support;

namespace Zgc.Messaging.Tests;

/// <summary>
/// Delivery runs conversations side by side (Messaging:OutboxSendConcurrency) yet keeps each producing transaction's
/// order, on PostgreSQL and RabbitMQ.
/// </summary>
public sealed class DeliveryOrderTests : IAsyncLifetime
{
    private TestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await TestBed.Create();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task Messages_of_concurrent_transactions_are_each_sent_in_their_transaction_order()
    {
        var (_, api) = await _bed.Start();

        await SendOrder.AssertEachTransactionInOrder(api, _bed.Logs);
    }
}
