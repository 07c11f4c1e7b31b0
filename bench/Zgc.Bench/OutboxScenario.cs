using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zgc.Messaging;
using Zgc.Messaging.Outbox;

namespace Zgc.Bench;

/// <summary>
/// Our transactional outbox end to end: a writer commits messages through <see cref="IOutbox{TDb}"/> (B per
/// transaction, one DI scope and DbContext per transaction, as an API request would), the delivery worker sends
/// the committed rows to RabbitMQ, and <see cref="BenchConsumer"/> receives them through the inbox. Throughput is
/// measured from the writer's start to the last message received; latency from each row's commit to its receipt.
/// </summary>
public static class OutboxScenario
{
    /// <summary>Makes the serialised <see cref="BenchMessage"/> about <see cref="RawBrokerScenario.BodySize"/> bytes of JSON.</summary>
    private static readonly string Payload = new('x', RawBrokerScenario.BodySize - 40);

    public static async Task<(List<BenchResult> Results, MessagingOptions Settings)> Run(BenchOptions options)
    {
        var results = new List<BenchResult>();
        await using var vhost = await BenchVirtualHost.Create(options.RabbitMq, "outbox");
        await using var database = new BenchDatabase(options.Postgres, "outbox", options.KeepDatabases);
        using var host = BenchHost.BuildService(options, database.ConnectionString, MessagingTransport.RabbitMq, vhost.Uri,
            m => m.AddConsumer<BenchConsumer>());
        MessagingOptions settings;
        try
        {
            Console.WriteLine($"  starting host (database {database.Name}, vhost {vhost.Name})");
            await BenchHost.Start(host, options.RunTimeout);
            settings = BenchHost.EffectiveMessagingOptions(host);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  settings: OutboxPollInterval {settings.OutboxPollInterval.TotalMilliseconds:0} ms, OutboxBusyPollInterval {settings.OutboxBusyPollInterval.TotalMilliseconds:0} ms, OutboxBatchSize {settings.OutboxBatchSize}, OutboxSendConcurrency {settings.OutboxSendConcurrency}, SendTimeout {settings.SendTimeout.TotalSeconds:0} s"));

            // Let start-up work settle (tiered JIT recompiles the polling path during the first seconds), then
            // measure what the idle host costs.
            await Task.Delay(TimeSpan.FromSeconds(options.Quick ? 2 : 10));
            var idle = CpuMeter.Start();
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
            var idleShare = idle.PerItem(1) / (options.IdleSeconds * 1_000_000.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  idle host: {idleShare:P0} of one core (delivery polling, bus, timers)"));
            results.Add(new BenchResult(Keys.OutboxIdle, "Outbox host idle", $"{options.IdleSeconds} s, nothing to deliver", 1, TimeSpan.FromSeconds(options.IdleSeconds), null,
                string.Create(CultureInfo.InvariantCulture, $"{idleShare:P1} of one core"))
            {
                CpuMicrosecondsPerItem = idle.PerItem(1),
            });

            var run = 0;
            foreach (var size in options.OutboxTransactionSize == 1 ? [1] : new[] { options.OutboxTransactionSize, 1 })
            {
                var label = size == 1 ? "1 message per transaction" : $"{size} messages per transaction";
                Console.WriteLine($"  outbox, {label}: warm-up {options.WarmUp}");
                await Measure(host, ++run, options.WarmUp, size, "warm-up", options.RunTimeout);
                Console.WriteLine($"  outbox, {label}: {options.Messages} messages");
                var result = await Measure(host, ++run, options.Messages, size, label, options.RunTimeout);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  => {result.PerSecond:0} msg/s end to end ({result.Elapsed.TotalSeconds:0.00} s), commit → consumer {result.Latency}; {result.CpuMicrosecondsPerItem:0} µs CPU/msg; {result.Note}"));
                results.Add(result);
            }

            if (options.Breakdown)
            {
                results.AddRange(await OutboxStages.Run(host, options, vhost.Uri, ++run, Payload));
            }
        }
        finally
        {
            BenchConsumer.Probe = null;
            await host.StopAsync();
        }

        return (results, settings);
    }

    private static async Task<BenchResult> Measure(IHost host, int run, int count, int transactionSize, string label, TimeSpan timeout)
    {
        var probe = new ArrivalProbe(run, count);
        BenchConsumer.Probe = probe;
        var committedAt = new long[count];
        var committed = 0;
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        var writing = Task.Run(async () =>
        {
            for (var start = 0; start < count; start += transactionSize)
            {
                var end = Math.Min(count, start + transactionSize);
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
                var outbox = scope.ServiceProvider.GetRequiredService<IOutbox<BenchDbContext>>();
                for (var i = start; i < end; i++)
                {
                    await outbox.Publish(new BenchMessage(run, i, Payload));
                }

                await db.SaveChangesAsync();
                var now = Stopwatch.GetTimestamp();
                committedAt.AsSpan(start, end - start).Fill(now);
                Volatile.Write(ref committed, end);
            }

            return Stopwatch.GetTimestamp();
        });

        await probe.WaitAll(label, timeout, () => $"{Volatile.Read(ref committed)} committed");
        var writerDone = await writing;
        var cpuPerMessage = cpu.PerItem(count);
        var latencies = new long[count];
        for (var i = 0; i < count; i++)
        {
            // The consumer may see a row a moment before the writer noted its commit time: count that as zero.
            latencies[i] = Math.Max(0, probe.ArrivalOf(i) - committedAt[i]);
        }

        var commitRate = count / Stopwatch.GetElapsedTime(started, writerDone).TotalSeconds;
        var note = string.Create(CultureInfo.InvariantCulture, $"writer alone committed {commitRate:0} msg/s");
        if (probe.Duplicates > 0)
        {
            note += $"; {probe.Duplicates} duplicate deliveries";
        }

        return new BenchResult(transactionSize == 1 ? Keys.OutboxSingle : Keys.OutboxBatched, "Outbox delivery", label, count, Stopwatch.GetElapsedTime(started, probe.LastArrival),
            LatencySummary.FromTicks(latencies), note)
        {
            CpuMicrosecondsPerItem = cpuPerMessage,
        };
    }
}
