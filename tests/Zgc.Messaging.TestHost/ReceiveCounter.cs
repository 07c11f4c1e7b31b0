using System.Collections.Concurrent;
using MassTransit;

namespace Zgc.Messaging.TestHost;

/// <summary>
/// Counts raw transport deliveries per receive endpoint (one endpoint per consumer, so per message type),
/// duplicates included: a message the inbox absorbs is still counted here.
/// </summary>
internal sealed class ReceiveCounter : IReceiveObserver
{
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_received, StringComparer.Ordinal);

    public Task PreReceive(ReceiveContext context)
    {
        var endpoint = context.InputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];
        _received.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
