using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Zgc.Bench;

/// <summary>
/// The baseline: RabbitMQ.Client 7 alone. A durable queue, persistent messages of <see cref="BodySize"/> bytes
/// published to it with publisher confirms, and a consumer on its own connection that acknowledges each message.
/// Measured end to end: from the first publish to the last acknowledgement. Latency is the time between the
/// Stopwatch timestamp written into the body just before publishing and the consumer receiving it.
/// </summary>
public static class RawBrokerScenario
{
    public const int BodySize = 500;

    /// <summary>How publisher confirms are awaited.</summary>
    public enum ConfirmMode
    {
        /// <summary>Up to the confirm window of publishes in flight, then all of them awaited together.</summary>
        Batched,

        /// <summary>Every publish awaits its own confirm before the next is started.</summary>
        EachAwaited,
    }

    public static async Task<List<BenchResult>> Run(BenchOptions options)
    {
        var results = new List<BenchResult>();
        await using var vhost = await BenchVirtualHost.Create(options.RabbitMq, "raw");
        var factory = new ConnectionFactory { Uri = new Uri(vhost.Uri), ClientProvidedName = "zgc-bench-raw" };
        await using var publisherConnection = await factory.CreateConnectionAsync();
        await using var consumerConnection = await factory.CreateConnectionAsync();

        // The client's own rate limiter is off: the batched mode keeps its window itself.
        var channelOptions = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: null);
        await using var publisher = await publisherConnection.CreateChannelAsync(channelOptions);
        await using var consumerChannel = await consumerConnection.CreateChannelAsync();

        const string queue = "bench-raw";
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumerChannel.BasicQosAsync(0, options.RawPrefetch, global: false);

        ArrivalProbe? probe = null;
        var latencies = new long[options.Messages];
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            var body = delivery.Body.Span;
            var run = BinaryPrimitives.ReadInt32LittleEndian(body);
            var sequence = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
            var sentAt = BinaryPrimitives.ReadInt64LittleEndian(body[8..]);
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            var current = probe;
            if (current is not null && current.Run == run && (uint)sequence < (uint)latencies.Length)
            {
                latencies[sequence] = now - sentAt;
                current.Arrived(run, sequence, Stopwatch.GetTimestamp());
            }
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var run = 0;
        foreach (var mode in new[] { ConfirmMode.Batched, ConfirmMode.EachAwaited })
        {
            var label = mode == ConfirmMode.Batched
                ? $"confirms in batches of {options.RawConfirmWindow}, prefetch {options.RawPrefetch}"
                : $"each publish awaits its confirm, prefetch {options.RawPrefetch}";
            Console.WriteLine($"  raw loop, {label}: warm-up {options.WarmUp}");
            probe = new ArrivalProbe(++run, options.WarmUp);
            await Publish(publisher, queue, probe.Run, options.WarmUp, mode, options.RawConfirmWindow);
            await probe.WaitAll("warm-up", options.RunTimeout);

            Console.WriteLine($"  raw loop, {label}: {options.Messages} messages");
            Array.Clear(latencies);
            probe = new ArrivalProbe(++run, options.Messages);
            var cpu = CpuMeter.Start();
            var started = Stopwatch.GetTimestamp();
            var publishing = Publish(publisher, queue, probe.Run, options.Messages, mode, options.RawConfirmWindow);
            var measured = probe;
            await measured.WaitAll("raw", options.RunTimeout);
            await publishing;
            var elapsed = Stopwatch.GetElapsedTime(started, measured.LastArrival);
            var result = new BenchResult(mode == ConfirmMode.Batched ? Keys.RawBatched : Keys.RawEach, "Raw broker loop", label, options.Messages, elapsed, LatencySummary.FromTicks(latencies),
                $"RabbitMQ.Client 7, persistent {BodySize}-byte bodies, durable queue, manual acks")
            {
                CpuMicrosecondsPerItem = cpu.PerItem(options.Messages),
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  => {result.PerSecond:0} msg/s end to end ({elapsed.TotalSeconds:0.00} s), {result.Latency}; {result.CpuMicrosecondsPerItem:0} µs CPU/msg"));
            results.Add(result);
        }

        await consumerChannel.CloseAsync();
        await publisher.CloseAsync();
        return results;
    }

    private static async Task Publish(IChannel channel, string queue, int run, int count, ConfirmMode mode, int window)
    {
        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var pending = new List<Task>(window);
        for (var i = 0; i < count; i++)
        {
            var body = new byte[BodySize];
            BinaryPrimitives.WriteInt32LittleEndian(body, run);
            BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), i);
            body.AsSpan(16).Fill((byte)'x');
            BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(8), Stopwatch.GetTimestamp());
            var publish = channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body);
            if (mode == ConfirmMode.EachAwaited)
            {
                await publish;
                continue;
            }

            pending.Add(publish.AsTask());
            if (pending.Count == window)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }
}
