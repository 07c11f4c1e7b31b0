using Zgc.Bench.Programme.Reporting;

namespace Zgc.Bench.Programme.Scenarios;

/// <summary>
/// The machine's own limits, measured in the same run as everything else (the messaging bench's scenarios): the raw
/// RabbitMQ.Client loop (persistent, confirms, manual acks), raw Npgsql one-row insert transactions, and MassTransit's
/// in-memory saga repository (with our durable repository beside it). The lifecycle's bound is computed from these.
/// </summary>
public static class BaselinesScenario
{
    public const string Name = "baselines";
    public const string BrokerMessages = "broker messages per second";
    public const string Commits = "database transactions per second";
    public const string SagaTransitions = "saga transitions per second";

    public static async Task Run(ProgrammeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var results = new List<BenchResult>();
        results.AddRange(await RawBrokerScenario.Run(run.BenchOptions));
        results.AddRange(await CommitCeilingScenario.Run(run.BenchOptions));
        results.AddRange(await SagaScenario.Run(run.BenchOptions));
        foreach (var result in results)
        {
            var measure = result.Key switch
            {
                Keys.RawBatched or Keys.RawEach => BrokerMessages,
                Keys.CommitsSerial or Keys.CommitsParallel => Commits,
                _ => SagaTransitions,
            };
            run.Report.Add(new Figure(Name, $"{result.Scenario}: {result.Variant}", measure, result.PerSecond, "/s")
            {
                Latency = result.Latency,
                Note = result.Note,
            });
        }

        run.Report.Note(Name, "The raw figures keep nothing in a transaction with business state; they are the ceilings of this machine's broker " +
            "and disk, against which the lifecycle's bound is computed (broker messages/s ÷ messages per lifecycle, database transactions/s ÷ " +
            "transactions per lifecycle, whichever is lower).");
    }

    /// <summary>The raw broker loop with batched confirms (the broker's ceiling), when it ran.</summary>
    public static Figure? Broker(ProgrammeRun run) => run.Report.Figures.LastOrDefault(f => f.Scenario == Name && f.Measure == BrokerMessages && f.Variant.Contains("batches", StringComparison.Ordinal));

    /// <summary>The raw commit ceiling over 16 connections (the disk's ceiling), when it ran.</summary>
    public static Figure? Database(ProgrammeRun run) => run.Report.Figures.LastOrDefault(f => f.Scenario == Name && f.Measure == Commits && f.Variant.Contains("16", StringComparison.Ordinal));
}
