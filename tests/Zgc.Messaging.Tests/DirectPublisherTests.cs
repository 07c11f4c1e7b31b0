using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.Outbox.Transport;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The direct publisher on a real RabbitMQ: a round's lanes share one channel, a lane stops counting at its first failure
/// even when later rows of it were confirmed, other lanes are unaffected, and after a failed channel the next row for a
/// destination goes through the bus again (which declares its topology).
/// </summary>
public sealed class DirectPublisherTests : IAsyncLifetime
{
    private const string Probe = "zgc-test-probe";
    private const string Unroutable = "zgc-test-unroutable";
    private RabbitMqVirtualHost _vhost = null!;
    private IConnection _connection = null!;
    private IChannel _channel = null!;
    private readonly ConcurrentQueue<string> _arrived = new();
    private readonly List<string> _viaBus = [];

    public async ValueTask InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.Create("zgc-direct");
        _connection = await new ConnectionFactory { Uri = new Uri(_vhost.Uri) }.CreateConnectionAsync(Ct);
        _channel = await _connection.CreateChannelAsync(cancellationToken: Ct);
        await _channel.ExchangeDeclareAsync(Probe, ExchangeType.Fanout, durable: true, cancellationToken: Ct);
        await _channel.ExchangeDeclareAsync(Unroutable, ExchangeType.Fanout, durable: true, cancellationToken: Ct); // no queue bound
        var queue = await _channel.QueueDeclareAsync("probe", durable: false, exclusive: true, autoDelete: true, cancellationToken: Ct);
        await _channel.QueueBindAsync(queue.QueueName, Probe, string.Empty, cancellationToken: Ct);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            _arrived.Enqueue(Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, Ct);
    }

    [Fact]
    public async Task A_lane_counts_only_its_rows_before_a_failure_and_other_lanes_are_unaffected()
    {
        await using var publisher = new DirectPublisher(
            Options.Create(new MessagingOptions { Transport = MessagingTransport.RabbitMq, RabbitMq = _vhost.Uri }),
            TimeProvider.System, NullLogger<DirectPublisher>.Instance);

        // First rows for each destination go through the bus (here: recorded, as if MassTransit had sent them).
        var first = await publisher.Send([[Row(Probe, "p0")], [Row(Unroutable, "u0")]], ViaBus, Ct);
        Assert.Equal([1, 1], first.Select(r => r.Confirmed));
        Assert.Equal(["p0", "u0"], _viaBus);

        // Lane A: a mandatory message nobody can receive (returned by the broker), then one that is routed. Lane B: one
        // routed message. Both routed ones are published on the channel before the return is known.
        var laneA = new[] { Row(Unroutable, "a1", mandatory: true), Row(Probe, "a2") };
        var laneB = new[] { Row(Probe, "b1") };
        var second = await publisher.Send([laneA, laneB], ViaBus, Ct);

        Assert.Equal(0, second[0].Confirmed);
        Assert.NotNull(second[0].Failure);
        Assert.Equal(new LaneResult(1, null), second[1]);
        await Eventually.True(() => Task.FromResult(_arrived.Contains("a2") && _arrived.Contains("b1")), "a2 and b1 routed", TimeSpan.FromSeconds(10));
        Assert.Equal(["p0", "u0"], _viaBus); // nothing of the second round went through the bus

        // The failed channel was dropped: the next row for a destination is declared through the bus again.
        var third = await publisher.Send([[Row(Probe, "p3")]], ViaBus, Ct);
        Assert.Equal(1, third[0].Confirmed);
        Assert.Equal(["p0", "u0", "p3"], _viaBus);
    }

    private Task ViaBus(OutboxMessage row, StoredOutboxMessage stored, CancellationToken cancellationToken)
    {
        _viaBus.Add(row.Body);
        return Task.CompletedTask;
    }

    private OutboxMessage Row(string exchange, string body, bool mandatory = false) => new()
    {
        MessageId = Guid.NewGuid(),
        DueTime = DateTimeOffset.UtcNow,
        CreatedAt = DateTimeOffset.UtcNow,
        SentTime = DateTimeOffset.UtcNow,
        DestinationAddress = $"rabbitmq://127.0.0.1/{_vhost.Name}/{exchange}",
        ContentType = "text/plain",
        MessageType = "urn:message:Test",
        Body = body,
        Properties = mandatory ? """{"Mandatory":true}""" : null,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        await _vhost.DisposeAsync();
    }
}
