using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zgc.Messaging;

namespace Zgc.Bench;

/// <summary>
/// State machine transitions per second: M toggle events spread round-robin over K instances, published as fast as
/// the transport takes them, counted when the receive pipeline has finished with each one (for the EF repository
/// that is after the transaction with the instance, inbox row and outbox committed). Once on MassTransit's
/// in-memory saga repository, once on our EF saga repository on PostgreSQL; both on the in-memory transport so
/// the difference is the repository (and the inbox/outbox transaction that comes with it).
/// </summary>
public static class SagaScenario
{
    public static async Task<List<BenchResult>> Run(BenchOptions options)
    {
        var results = new List<BenchResult>();

        Console.WriteLine("  saga, in-memory repository (in-memory transport)");
        using (var host = BenchHost.BuildInMemorySaga())
        {
            results.Add(await Measure(host, Keys.SagaInMemory, "in-memory repository, in-memory transport", options, verify: false, repeats: 3));
        }

        await using (var database = new BenchDatabase(options.Postgres, "saga", options.KeepDatabases))
        {
            Console.WriteLine($"  saga, EF repository on PostgreSQL (in-memory transport, database {database.Name})");
            using var host = BenchHost.BuildService(options, database.ConnectionString, MessagingTransport.InMemory, null,
                m => m.AddStateMachine<BenchStateMachine, BenchSaga>());
            results.Add(await Measure(host, Keys.SagaEf, "EF repository (PostgreSQL), in-memory transport", options, verify: true));
        }

        if (options.SagaOnRabbitMq)
        {
            await using var vhost = await BenchVirtualHost.Create(options.RabbitMq, "saga");
            await using var database = new BenchDatabase(options.Postgres, "sagarmq", options.KeepDatabases);
            Console.WriteLine($"  saga, EF repository on PostgreSQL (RabbitMQ, vhost {vhost.Name})");
            using var host = BenchHost.BuildService(options, database.ConnectionString, MessagingTransport.RabbitMq, vhost.Uri,
                m => m.AddStateMachine<BenchStateMachine, BenchSaga>());
            results.Add(await Measure(host, Keys.SagaEfRabbitMq, "EF repository (PostgreSQL), RabbitMQ transport", options, verify: true));
        }

        return results;
    }

    private static async Task<BenchResult> Measure(IHost host, string key, string label, BenchOptions options, bool verify, int repeats = 1)
    {
        try
        {
            await BenchHost.Start(host, options.RunTimeout);
            var bus = host.Services.GetRequiredService<IBusControl>();

            var warmUpIds = NewIds(Math.Min(options.Instances, options.WarmUp));
            await Drive(bus, warmUpIds, options.WarmUp, "warm-up", options.RunTimeout);

            // A run on the in-memory repository takes a fraction of a second, so one run is at the mercy of the
            // scheduler: take the median of several (each on fresh instances).
            var runs = new List<(TimeSpan Elapsed, double Cpu, int Attempts, Guid[] Ids)>();
            for (var r = 0; r < repeats; r++)
            {
                var runIds = NewIds(options.Instances);
                BenchStateMachine.ResetAttempts();
                var cpu = CpuMeter.Start();
                var runElapsed = await Drive(bus, runIds, options.Events, "saga", options.RunTimeout);
                runs.Add((runElapsed, cpu.PerItem(options.Events), BenchStateMachine.Attempts, runIds));
            }

            var median = runs.OrderBy(x => x.Elapsed).ElementAt(runs.Count / 2);
            var (elapsed, cpuPerEvent, attempts, ids) = median;
            var note = $"{options.Events} events over {options.Instances} instances";
            if (runs.Count > 1)
            {
                note += string.Create(CultureInfo.InvariantCulture,
                    $"; median of {runs.Count} runs ({string.Join(", ", runs.Select(x => (options.Events / x.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)))} transitions/s)");
            }
            if (attempts != options.Events)
            {
                note += $"; {attempts - options.Events} transitions retried after a concurrency conflict";
            }

            if (verify)
            {
                var (instances, applied) = await BenchHost.StoredSagas(host, ids);
                note += $"; stored: {instances} instances, {applied} transitions";
                if (instances != options.Instances || applied != options.Events)
                {
                    note += " (MISMATCH)";
                }
            }

            var result = new BenchResult(key, "Saga transitions", label, options.Events, elapsed, null, note)
            {
                CpuMicrosecondsPerItem = cpuPerEvent,
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  => {result.PerSecond:0} transitions/s ({elapsed.TotalSeconds:0.00} s); {result.CpuMicrosecondsPerItem:0} µs CPU/event; {note}"));
            return result;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static Guid[] NewIds(int count) => Enumerable.Range(0, count).Select(_ => NewId.NextGuid()).ToArray();

    private static async Task<TimeSpan> Drive(IBus bus, Guid[] ids, int events, string label, TimeSpan timeout)
    {
        var observer = new FinishedMessages(events);
        using var handle = bus.ConnectReceiveObserver(observer);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < events; i++)
        {
            await bus.Publish(new ToggleBenchSaga(ids[i % ids.Length], i));
        }

        await observer.WaitAll(label, timeout);
        if (observer.Faulted > 0)
        {
            throw new InvalidOperationException($"{label}: {observer.Faulted} events faulted.");
        }

        return Stopwatch.GetElapsedTime(started, observer.LastFinished);
    }

    /// <summary>Counts messages whose receive pipeline has finished (after retries, commit and acknowledgement).</summary>
    private sealed class FinishedMessages(int expected) : IReceiveObserver
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _finished;
        private int _faulted;

        public int Faulted => Volatile.Read(ref _faulted);

        public long LastFinished { get; private set; }

        public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

        public Task PostReceive(ReceiveContext context)
        {
            Finished();
            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
            Task.CompletedTask;

        public Task ReceiveFault(ReceiveContext context, Exception exception)
        {
            Interlocked.Increment(ref _faulted);
            Console.Error.WriteLine($"    receive fault: {exception.GetType().Name}: {exception.Message}");
            Finished();
            return Task.CompletedTask;
        }

        private void Finished()
        {
            var now = Stopwatch.GetTimestamp();
            if (Interlocked.Increment(ref _finished) == expected)
            {
                LastFinished = now;
                _done.TrySetResult();
            }
        }

        public async Task WaitAll(string label, TimeSpan timeout)
        {
            var started = Stopwatch.StartNew();
            while (!_done.Task.IsCompleted)
            {
                if (started.Elapsed > timeout)
                {
                    throw new TimeoutException($"{label}: {Volatile.Read(ref _finished)}/{expected} finished after {timeout.TotalSeconds:0} s.");
                }

                await Task.WhenAny(_done.Task, Task.Delay(TimeSpan.FromSeconds(1)));
                if (!_done.Task.IsCompleted)
                {
                    Console.WriteLine($"    {label}: {Volatile.Read(ref _finished)}/{expected} finished ({started.Elapsed.TotalSeconds:0} s)");
                }
            }
        }
    }
}
