using System.Globalization;
using Zgc.Bench.Programme.Compositions;
using Zgc.Bench.Programme.Reporting;
using Zgc.Bench.Programme.Scenarios.Api;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios;

/// <summary>
/// Issue 13's API load: the distributed composition (six service processes on PostgreSQL and RabbitMQ, as deployed) filled
/// through its APIs, then open-loop arrivals on the main read and write endpoints, each called by its real user with that
/// role's token. Targets: p99 under 50 ms for reads and under 100 ms for writes at 200 requests/s; each process under 300 MB.
/// Then a short step at each of a doubling series of rates, for the chart.
/// </summary>
public static class ApiScenario
{
    public const string Name = "api";
    private const int Units = 20;
    private const int Drafts = 40;
    private const double ReadTargetMs = 50, WriteTargetMs = 100, MemoryTargetMb = 300;

    public static async Task Run(ProgrammeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = run.Options;
        var stored = options.Count("--api-stored", full: 1000, quick: 100);
        var agreements = options.Count("--api-agreements", full: 10, quick: 2);
        var rate = options.Count("--api-rate", full: 200, quick: 100);
        var seconds = options.Count("--api-seconds", full: 30, quick: 5);
        var rates = options.Counts("--api-rates", [50, 100, 200, 400], [50, 100]);
        var stepSeconds = options.Count("--api-step-seconds", full: 10, quick: 3);
        var warmupSeconds = options.Count("--api-warmup-seconds", full: 20, quick: 2);

        await using var composition = await Composition.Distributed(run.Databases("api"), ProgrammeRun.ProgrammeStart, options.KeepDatabases, options.Settings);
        using var actors = new ApiActors(composition, Units);
        var pools = await ApiSeed.Run(actors, composition.Host, stored, agreements, Drafts);
        var endpoints = ApiMix.Endpoints(actors, pools);

        // Warm-up, not measured: every endpoint JIT-compiled, connection pools and EF models built, at half the measured
        // rate. Tens of seconds, not a few: the tiered JIT keeps recompiling hot code for the first minute under load
        // (a quarter of intake's CPU a minute after start, docs/performance.md), and the target is about the services as
        // they run, not their first minute. Five seconds at 50/s left the measured 30 s with p99s of 0.5-1 s that the
        // later steps at the same rate did not have.
        Console.WriteLine($"  warm-up: {Math.Max(1, rate / 2)} requests/s for {warmupSeconds} s (not measured)");
        await OpenLoop.Run(endpoints, rate: Math.Max(1, rate / 2), seconds: warmupSeconds, seed: 1);

        Console.WriteLine($"  load: {rate} requests/s for {seconds} s");
        var before = composition.Usage();
        var load = await OpenLoop.Run(endpoints, rate, seconds, seed: 2);
        var after = composition.Usage();
        Console.WriteLine("  per second of arrivals (p50 / max ms): " + load.Timeline());
        var variant = $"distributed, {rate}/s for {seconds} s, {stored} applications stored";
        ReportLoad(run, variant, load);
        ReportEndpoints(run, load);
        ReportProcesses(run, before, after, seconds, load.Count(_ => true));

        var reads = new List<(double, double)>();
        var writes = new List<(double, double)>();
        foreach (var step in rates)
        {
            Console.WriteLine($"  step: {step} requests/s for {stepSeconds} s");
            var result = await OpenLoop.Run(endpoints, step, stepSeconds, seed: 100 + step);
            var r = result.Latency(e => !e.Write);
            var w = result.Latency(e => e.Write);
            reads.Add((step, r.P99));
            writes.Add((step, w.P99));
            run.Report.Add(new Figure(Name, $"step: {step}/s offered for {stepSeconds} s", "requests per second achieved", result.Achieved, "/s")
            {
                Latency = result.Latency(_ => true),
                Note = Invariant($"reads p99 {r.P99:0.0} ms, writes p99 {w.P99:0.0} ms; {result.Errors(_ => true)} errors of {result.Count(_ => true)}"),
            });
        }

        run.Report.Add(new Series("api: reads p99 (ms)", "offered requests per second", "p99 latency (ms)", reads));
        run.Report.Add(new Series("api: writes p99 (ms)", "offered requests per second", "p99 latency (ms)", writes));
        run.Report.Note(Name, Invariant($"Seeded through the APIs: {Units} units submitting {stored} applications to {ApiActors.SubParks.Length} sub-parks ") +
            Invariant($"(one in ten recommended, so review has cases), {pools.Agreements.Count} taken through panel, meeting and notice to a drafted agreement, ") +
            Invariant($"{Drafts} drafts kept open for editing. Open-loop arrivals (latency from each request's due time, so queueing counts), ") +
            Invariant($"weighted {Share(endpoints, false):0}% reads / {Share(endpoints, true):0}% writes; any non-2xx answer is an error. ") +
            "The bench client runs on the same machine as the six services, PostgreSQL and RabbitMQ (and other work): indicative figures.");
    }

    private static void ReportLoad(ProgrammeRun run, string variant, LoadResult load)
    {
        var reads = load.Latency(e => !e.Write);
        var writes = load.Latency(e => e.Write);
        run.Report.Add(new Figure(Name, variant, "reads: p99 latency", reads.P99, "ms")
        {
            Latency = reads,
            Target = new Target("p99 < 50 ms", reads.P99 < ReadTargetMs),
            Note = Invariant($"{load.Count(e => !e.Write)} reads, {load.Errors(e => !e.Write)} errors"),
        });
        run.Report.Add(new Figure(Name, variant, "writes: p99 latency", writes.P99, "ms")
        {
            Latency = writes,
            Target = new Target("p99 < 100 ms", writes.P99 < WriteTargetMs),
            Note = Invariant($"{load.Count(e => e.Write)} writes, {load.Errors(e => e.Write)} errors"),
        });
        run.Report.Add(new Figure(Name, variant, "requests per second achieved", load.Achieved, "/s")
        {
            Latency = load.Latency(_ => true),
            Note = Invariant($"offered {load.Rate}/s ({load.Offered} arrivals in {load.Elapsed.TotalSeconds:0.0} s)") +
                (load.Skipped > 0 ? Invariant($"; {load.Skipped} skipped (nothing left to submit or accept)") : ""),
        });
        var errors = load.Errors(_ => true);
        run.Report.Add(new Figure(Name, variant, "errors (non-2xx or no answer)", errors, "")
        {
            Note = errors == 0 ? null : string.Join(" · ", load.ErrorSamples.Select(s => s.Replace('|', '/').ReplaceLineEndings(" "))),
        });
    }

    /// <summary>One row per endpoint, so the slow ones are visible.</summary>
    private static void ReportEndpoints(ProgrammeRun run, LoadResult load)
    {
        foreach (var endpoint in load.Endpoints)
        {
            var count = load.Count(e => e == endpoint);
            if (count == 0)
            {
                continue;
            }

            var latency = load.Latency(e => e == endpoint);
            run.Report.Add(new Figure(Name, endpoint.Name, endpoint.Write ? "write: p99 latency" : "read: p99 latency", latency.P99, "ms")
            {
                Latency = latency,
                Target = endpoint.Write ? new Target("p99 < 100 ms", latency.P99 < WriteTargetMs) : new Target("p99 < 50 ms", latency.P99 < ReadTargetMs),
                Note = Invariant($"{count} requests, {load.Errors(e => e == endpoint)} errors"),
            });
        }
    }

    private static void ReportProcesses(ProgrammeRun run, List<ProcessUsage> before, List<ProcessUsage> after, int seconds, int requests)
    {
        foreach (var usage in after)
        {
            var cpu = usage.CpuSince(before.SingleOrDefault(b => b.ProcessId == usage.ProcessId));
            run.Report.Add(new Figure(Name, usage.Name, "CPU seconds during the load", cpu, "s")
            {
                // Per request of the whole mix (each service does its share and its messages' work): less sensitive to a
                // shared machine than latency is.
                Note = Invariant($"{cpu / seconds * 100:0}% of one core over {seconds} s; {cpu * 1000 / Math.Max(1, requests):0.0} ms per request of the mix"),
            });
            run.Report.Add(new Figure(Name, usage.Name, "peak resident memory", usage.PeakResidentMegabytes, "MB")
            {
                Target = new Target("< 300 MB", usage.PeakResidentMegabytes < MemoryTargetMb),
                Note = Invariant($"{usage.ResidentMegabytes:0} MB resident at the end"),
            });
        }
    }

    private static double Share(IReadOnlyList<ApiEndpoint> endpoints, bool write) =>
        100.0 * endpoints.Where(e => e.Write == write).Sum(e => e.Weight) / endpoints.Sum(e => e.Weight);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
