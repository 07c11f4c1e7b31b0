using System.Globalization;
using System.Text;
using Zgc.Messaging;

namespace Zgc.Bench;

/// <summary>Identifies each measured figure, for the ratios.</summary>
public static class Keys
{
    public const string RawBatched = "raw-batched";
    public const string RawEach = "raw-each";
    public const string OutboxBatched = "outbox-batched";
    public const string OutboxSingle = "outbox-single";
    public const string OutboxIdle = "outbox-idle";
    public const string OutboxStageWriter = "outbox-stage-writer";
    public const string OutboxStageDelivery = "outbox-stage-delivery";
    public const string OutboxStageConsumer = "outbox-stage-consumer";
    public const string SagaInMemory = "saga-in-memory";
    public const string SagaEf = "saga-ef";
    public const string SagaEfRabbitMq = "saga-ef-rabbitmq";
    public const string CommitsSerial = "commits-serial";
    public const string CommitsParallel = "commits-parallel";
}

/// <summary>The ratios against the targets and the final Markdown table.</summary>
public sealed record Report(string Ratios, string Markdown)
{
    private sealed record Ratio(string Name, BenchResult Numerator, BenchResult Denominator, double? Target)
    {
        public double Value => Numerator.PerSecond / Denominator.PerSecond;

        public string Verdict => Target is { } t ? (Value >= t ? "met" : "missed") : "(for information)";
    }

    public static Report Build(BenchOptions options, MachineInfo machine, List<BenchResult> results, MessagingOptions? outboxSettings, List<string> failures)
    {
        BenchResult? Find(string key) => results.FirstOrDefault(r => r.Key == key);
        var ratios = new List<Ratio>();
        void Add(string name, string numerator, string denominator, double? target)
        {
            if (Find(numerator) is { } n && Find(denominator) is { } d)
            {
                ratios.Add(new Ratio(name, n, d, target));
            }
        }

        var batch = options.OutboxTransactionSize;
        Add($"Outbox ({batch}/tx) / raw loop (batched confirms)", Keys.OutboxBatched, Keys.RawBatched, 0.40);
        Add("Outbox (1/tx) / raw loop (batched confirms)", Keys.OutboxSingle, Keys.RawBatched, null);
        Add($"Outbox ({batch}/tx) / raw loop (each publish awaited)", Keys.OutboxBatched, Keys.RawEach, null);
        Add("Saga: EF repository / in-memory repository", Keys.SagaEf, Keys.SagaInMemory, 0.30);
        Add("Saga: EF repository on RabbitMQ / in-memory repository", Keys.SagaEfRabbitMq, Keys.SagaInMemory, null);
        Add("Saga: EF repository / PostgreSQL commit ceiling (16 connections)", Keys.SagaEf, Keys.CommitsParallel, null);
        Add("Outbox (1/tx) / PostgreSQL commit ceiling (16 connections)", Keys.OutboxSingle, Keys.CommitsParallel, null);

        var text = new StringBuilder("Ratios:\n");
        foreach (var r in ratios)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {r.Name}: {r.Numerator.PerSecond:0} / {r.Denominator.PerSecond:0} = {r.Value:P0}{(r.Target is { } t ? $" (target ≥ {t:P0}: {r.Verdict})" : "")}\n");
        }

        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Messaging bench, {DateTimeOffset.Now:yyyy-MM-dd HH:mm zzz}\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Machine: {machine.Cores} cores, {machine.Memory}, {machine.Cpu} ({machine.LastLevelCache}); {machine.Os}; {machine.Runtime}; PostgreSQL {machine.PostgreSql}; " +
            $"RabbitMQ {machine.RabbitMq}; MassTransit {machine.MassTransit}; RabbitMQ.Client {machine.RabbitMqClient}; Npgsql {machine.Npgsql}. " +
            $"Load average (1/5/15 min) at start {machine.LoadAtStart}, at end {machine.LoadAtEnd}.\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Sizes: {options.Messages} messages per raw/outbox run, {options.Events} saga events over {options.Instances} instances; " +
            $"{options.WarmUp} unmeasured warm-up messages/events before each run.");
        if (outboxSettings is not null)
        {
            md.Append(CultureInfo.InvariantCulture,
                $" Outbox settings: `Messaging:OutboxPollInterval` {outboxSettings.OutboxPollInterval.TotalMilliseconds:0} ms, " +
                $"`Messaging:OutboxBusyPollInterval` {outboxSettings.OutboxBusyPollInterval.TotalMilliseconds:0} ms, " +
                $"`Messaging:OutboxBatchSize` {outboxSettings.OutboxBatchSize}, `Messaging:OutboxSendConcurrency` {outboxSettings.OutboxSendConcurrency}.");
        }

        if (options.Experiments().Any())
        {
            md.Append(" **Experiments (not the platform's defaults):** ").AppendJoin("; ", options.Experiments()).Append('.');
        }

        if (options.Settings.Count > 0)
        {
            md.Append(" Overrides: ").AppendJoin(", ", options.Settings.Select(kv => $"`{kv.Key}={kv.Value}`")).Append('.');
        }

        md.Append("\n\n| Scenario | Variant | Count | Throughput | p50 | p95 | p99 | Bench CPU per item | Notes |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in results.Where(r => r.Key != Keys.OutboxIdle))
        {
            var unit = r.Key.StartsWith("saga", StringComparison.Ordinal) ? "transitions/s"
                : r.Key.StartsWith("commits", StringComparison.Ordinal) ? "commits/s" : "msg/s";
            md.Append(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Variant} | {r.Count} | {r.PerSecond:0} {unit} | {Ms(r.Latency?.P50)} | {Ms(r.Latency?.P95)} | {Ms(r.Latency?.P99)} | {Us(r.CpuMicrosecondsPerItem)} | {r.Note} |\n");
        }

        if (Find(Keys.OutboxIdle) is { } idle)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nThe outbox host idle (nothing to deliver, measured over {idle.Elapsed.TotalSeconds:0} s after start-up) used {idle.Note} (bench CPU per item counts it too).\n");
        }

        if (ratios.Count > 0)
        {
            md.Append("\n| Ratio | Value | Target | Result |\n|---|---:|---:|---|\n");
            foreach (var r in ratios)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {r.Value:P0} | {(r.Target is { } t ? "≥ " + t.ToString("P0", CultureInfo.InvariantCulture) : "–")} | {r.Verdict} |\n");
            }
        }

        if (failures.Count > 0)
        {
            md.Append("\nFailed:\n\n");
            foreach (var f in failures)
            {
                md.Append("- ").Append(f).Append('\n');
            }
        }

        return new Report(text.ToString(), md.ToString());
    }

    private static string Us(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) + " µs" : "–";

    private static string Ms(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "–";

    /// <summary>The folder holding Zgc.slnx above the working directory, else the working directory.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Zgc.slnx")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
