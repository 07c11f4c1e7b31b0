using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Zgc.Messaging.Tests.Support;

/// <summary>
/// Listens to the broker itself: a queue of its own bound to the Ping exchange records the Pings in the order RabbitMQ
/// enqueued them — what the consumers will see, whichever way the outbox published them (one send per confirm, or a
/// lane back to back on one channel).
/// </summary>
internal sealed class WireOrderProbe : IAsyncDisposable
{
    /// <summary>MassTransit's exchange for the Ping contract (namespace:type).</summary>
    public const string PingExchange = "Zgc.Messaging.TestHost.Contracts:Ping";

    private readonly ConcurrentDictionary<Guid, List<int>> _arrived = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private WireOrderProbe(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<WireOrderProbe> Start(string virtualHostUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(virtualHostUri), ClientProvidedName = "zgc-test-wire-order" }
            .CreateConnectionAsync(TestContext.Current.CancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var probe = new WireOrderProbe(connection, channel);
        // Declared as MassTransit declares it (durable fanout), so whichever side comes first, both agree.
        await channel.ExchangeDeclareAsync(PingExchange, ExchangeType.Fanout, durable: true, autoDelete: false,
            cancellationToken: TestContext.Current.CancellationToken);
        var queue = await channel.QueueDeclareAsync("wire-order-probe", durable: false, exclusive: true, autoDelete: true,
            cancellationToken: TestContext.Current.CancellationToken);
        await channel.QueueBindAsync(queue.QueueName, PingExchange, string.Empty, cancellationToken: TestContext.Current.CancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var message = envelope.RootElement.GetProperty("message");
            var list = probe._arrived.GetOrAdd(message.GetProperty("key").GetGuid(), _ => []);
            lock (list)
            {
                list.Add(message.GetProperty("n").GetInt32());
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, TestContext.Current.CancellationToken);
        return probe;
    }

    /// <summary>The Ping numbers of <paramref name="key"/> in the order the broker enqueued them.</summary>
    public int[] Arrived(Guid key)
    {
        if (!_arrived.TryGetValue(key, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
