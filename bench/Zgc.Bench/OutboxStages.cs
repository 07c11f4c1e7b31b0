using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using Zgc.Messaging.Outbox;

namespace Zgc.Bench;

/// <summary>A message nobody consumes: its exchange is bound to a plain durable queue the bench declares.</summary>
public sealed record BenchSinkMessage(int Run, int Sequence, string Payload);

/// <summary>
/// The outbox path taken apart, each stage measured with the others idle, to show where the time goes:
/// the writer alone (rows written with a due time a day ahead, so the delivery worker leaves them), delivery alone
/// (those rows made due at once and sent to a queue without a consumer), and the consumer alone (messages published
/// straight to the broker, bypassing the outbox, received through the inbox).
/// </summary>
public static class OutboxStages
{
    private const string SinkQueue = "bench-sink";

    public static async Task<List<BenchResult>> Run(IHost host, BenchOptions options, string vhostUri, int run, string payload)
    {
        var results = new List<BenchResult>();
        var count = options.Messages;
        var size = options.OutboxTransactionSize;
        await DeclareSink(vhostUri);

        Console.WriteLine($"  stage: writer alone, {count} messages, {size} per transaction");
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        var later = DateTimeOffset.UtcNow.AddDays(1);
        for (var start = 0; start < count; start += size)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox<BenchDbContext>>();
            for (var i = start; i < Math.Min(count, start + size); i++)
            {
                await outbox.SchedulePublish(later, new BenchSinkMessage(run, i, payload));
            }

            await db.SaveChangesAsync();
        }

        results.Add(Report(new BenchResult(Keys.OutboxStageWriter, "Outbox stage", $"writer alone ({size} per transaction)", count,
            Stopwatch.GetElapsedTime(started), null, "IOutbox + SaveChanges; nothing else running")
        { CpuMicrosecondsPerItem = cpu.PerItem(count) }));

        Console.WriteLine($"  stage: delivery alone, {count} rows to a queue without a consumer");
        cpu = CpuMeter.Start();
        started = Stopwatch.GetTimestamp();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var now = DateTimeOffset.UtcNow;
            await db.OutboxMessages.Where(x => x.DeliveredAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueTime, now));
        }

        var elapsed = await WaitUntilDelivered(host, options.RunTimeout);
        results.Add(Report(new BenchResult(Keys.OutboxStageDelivery, "Outbox stage", "delivery alone (claim → send → mark delivered)", count,
            elapsed, null, "rows made due at once; sent to a durable queue without a consumer; end detected by polling every 50 ms")
        { CpuMicrosecondsPerItem = cpu.PerItem(count) }));

        Console.WriteLine($"  stage: consumer alone (inbox), {count} messages published straight to the broker");
        var probe = new ArrivalProbe(run + 1, count);
        BenchConsumer.Probe = probe;
        var bus = host.Services.GetRequiredService<IBus>();
        cpu = CpuMeter.Start();
        started = Stopwatch.GetTimestamp();
        var pending = new List<Task>(100);
        for (var i = 0; i < count; i++)
        {
            pending.Add(bus.Publish(new BenchMessage(probe.Run, i, payload)));
            if (pending.Count == 100)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await probe.WaitAll("consumer alone", options.RunTimeout);
        results.Add(Report(new BenchResult(Keys.OutboxStageConsumer, "Outbox stage", "consumer alone (inbox transaction per message)", count,
            Stopwatch.GetElapsedTime(started, probe.LastArrival), null, "published with IBus.Publish (100 confirms in flight), no outbox")
        { CpuMicrosecondsPerItem = cpu.PerItem(count) }));
        return results;
    }

    private static BenchResult Report(BenchResult result)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  => {result.PerSecond:0} msg/s ({result.Elapsed.TotalSeconds:0.00} s); {result.CpuMicrosecondsPerItem:0} µs CPU/msg"));
        return result;
    }

    private static async Task<TimeSpan> WaitUntilDelivered(IHost host, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            int left;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
                left = await db.OutboxMessages.CountAsync(x => x.DeliveredAt == null);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (left == 0)
            {
                return elapsed;
            }

            if (elapsed > timeout)
            {
                throw new TimeoutException($"delivery alone: {left} rows still undelivered after {timeout.TotalSeconds:0} s.");
            }

            if (elapsed - lastReport >= TimeSpan.FromSeconds(1))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    delivery alone: {left} rows left ({elapsed.TotalSeconds:0} s)"));
                lastReport = elapsed;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Binds the sink message's exchange (as MassTransit names and declares it) to a durable queue, so sends are persisted like real ones.</summary>
    private static async Task DeclareSink(string vhostUri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(vhostUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = $"{typeof(BenchSinkMessage).Namespace}:{nameof(BenchSinkMessage)}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(SinkQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(SinkQueue, exchange, string.Empty);
        await channel.CloseAsync();
    }
}
