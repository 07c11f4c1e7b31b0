using System.Globalization;
using Zgc.Bench.Programme.Compositions;
using Zgc.Bench.Programme.Reporting;
using Zgc.Bench.Programme.Scenarios.Lifecycle;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios;

/// <summary>
/// Applications through the complete three-year lifecycle with simulated users and a moved clock, on the standalone
/// composition and on the distributed one, at several concurrencies (the chart). The largest concurrency walks the main
/// number of lifecycles and gives the headline figures; the distributed one is compared with the bound the baselines imply.
/// </summary>
public static class LifecycleScenario
{
    public const string Name = "lifecycle";
    private const double StandaloneTargetLifecycles = 10_000;
    private const double StandaloneTargetSeconds = 300;
    private const double ResidentTargetMegabytes = 300;

    public static async Task Run(ProgrammeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var standalone = run.Options.Count("--lifecycles", full: 200, quick: 12);
        var distributed = run.Options.Count("--distributed-lifecycles", full: 100, quick: 8);
        var sweep = run.Options.Counts("--concurrency", full: [2, 8, 32], quick: [2, 8]).Distinct().Order().ToList();
        var sweepSize = run.Options.Count("--sweep-lifecycles", full: 32, quick: 6);
        using var patience = Eventually.Patience(TimeSpan.FromMinutes(10));
        var poll = run.Options.Count("--poll-ms", full: 250, quick: 250);
        using var polling = Eventually.PollEvery(TimeSpan.FromMilliseconds(poll));

        var compositions = run.Options.Names("--compositions", ["standalone", "distributed"]);
        foreach (var (kind, main) in new[] { ("standalone", standalone), ("distributed", distributed) }.Where(c => compositions.Contains(c.Item1)))
        {
            var points = new List<(double X, double Y)>();
            for (var k = 0; k < sweep.Count; k++)
            {
                var concurrency = sweep[k];
                var headline = k == sweep.Count - 1;
                var count = headline ? main : Math.Min(main, Math.Max(sweepSize, concurrency));
                Console.WriteLine($"  {kind}: {count} lifecycles, {concurrency} at a time{(headline ? " (headline)" : "")}");
                var measured = await Measure(run, kind, count, concurrency, $"lc{k}");
                points.Add((concurrency, measured.PerSecond));
                run.Report.Add(new Figure(Name, $"{kind}, concurrency {concurrency}", "lifecycles per second", measured.PerSecond, "/s")
                {
                    Note = $"{count} lifecycles in {measured.Elapsed.TotalSeconds:0} s",
                });
                if (headline)
                {
                    Headline(run, kind, count, concurrency, measured);
                }
            }

            run.Report.Add(new Series($"{kind}: lifecycles/s", "applications walked at a time (concurrency)", "complete lifecycles per second", points));
        }

        run.Report.Note(Name, "Each lifecycle: the unit registers and submits; the sub-park recommends; a panel of five experts (drawn from a pool of 25) " +
            "declares and scores; a director office meeting approves; the notice closes by its own timer; both parties sign; three disbursement runs " +
            "(maker-checker) pay the three years; three annual reports are submitted and evaluated; the committee awards years 2 and 3. The programme " +
            "has one clock, so the walk goes in phases: every application does a phase's work (that many at a time), then the clock moves for all. " +
            "Lifecycles per second = lifecycles ÷ the walk's wall time (the barriers included). A step's latency runs from the user's request " +
            "to the lifecycle showing its effect: the instance is watched with long polls (answered when it changes, `Prefer: wait`), " +
            $"the other services' records are polled every {poll} ms (`--poll-ms`; polling faster measures the bench's own load).");
    }

    private static async Task<Measured> Measure(ProgrammeRun run, string kind, int count, int concurrency, string step)
    {
        await using var composition = kind == "standalone"
            ? await Composition.Standalone(ProgrammeRun.ProgrammeStart, run.Options.Settings)
            : await Composition.Distributed(run.Databases(step), ProgrammeRun.ProgrammeStart, run.Options.KeepDatabases, run.Options.Settings);
        using var drive = new LifecycleDriver(composition.Host, CancellationToken.None);
        await ProgrammeWalk.Prepare(drive, CancellationToken.None);
        // One lifecycle first, not measured: the first of everything after start-up (JIT, EF's compiled models and queries,
        // connections, the broker's exchanges) costs ~16 s on this machine and would be charged to whichever walk came first.
        Console.WriteLine("    warm-up: one lifecycle, not measured");
        var warmUp = new ProgrammeWalk(drive, 1, _ => { });
        await warmUp.Run([IntakePayloads.WithCheckCharacter("91110108C00000000")]);
        var units = Enumerable.Range(0, count).Select(i => IntakePayloads.WithCheckCharacter($"91110108B{i:D8}")).ToList();

        var before = composition.Usage();
        var transactions = await WorkCounters.TransactionId();
        var published = composition.VirtualHost is { } vhost ? await WorkCounters.Published(vhost) : null;
        var walk = new ProgrammeWalk(drive, concurrency, Console.WriteLine);
        await walk.Run(units);
        var elapsed = walk.Elapsed;
        var writes = await WorkCounters.TransactionId() - transactions - 1;
        long? messages = null;
        if (composition.VirtualHost is { } name && published is { } first)
        {
            // The management plugin refreshes its counters every 5 s.
            await Task.Delay(TimeSpan.FromSeconds(6));
            messages = await WorkCounters.Published(name) - first;
        }

        var after = composition.Usage();
        return new Measured(count, elapsed, [.. walk.Steps], writes, messages, before, after, warmUp.Elapsed);
    }

    private static void Headline(ProgrammeRun run, string kind, int count, int concurrency, Measured m)
    {
        var variant = $"{kind}, concurrency {concurrency}, {count} lifecycles";
        var report = run.Report;
        if (kind == "standalone")
        {
            var seconds = StandaloneTargetLifecycles / m.PerSecond;
            report.Add(new Figure(Name, variant, "time for 10,000 lifecycles", seconds, "s")
            {
                Target = new Target("< 300 s", seconds < StandaloneTargetSeconds),
                // An extrapolation assumes every lifecycle costs the same at any size; a cost growing with the programme (a
                // disbursement run read whole for each of its lines did, docs/performance.md fix 32) only shows in a walk
                // of the full size, so the note says how to run one.
                Note = count >= StandaloneTargetLifecycles
                    ? "measured"
                    : $"extrapolated from {count} lifecycles at {m.PerSecond:0.00}/s (linearly; --lifecycles {StandaloneTargetLifecycles} measures it)",
            });
        }
        else
        {
            report.Add(LifecycleAgainstBound(run, variant, m));
        }

        report.Add(new Figure(Name, variant, "step latency, all steps", m.Steps.Count, "steps")
        {
            Latency = LatencySummary.FromTicks([.. m.Steps.Select(s => s.Ticks)]),
        });
        foreach (var group in m.Steps.GroupBy(s => s.Step))
        {
            report.Add(new Figure(Name, variant, "step: " + group.Key, group.Count(), "steps")
            {
                Latency = LatencySummary.FromTicks([.. group.Select(s => s.Ticks)]),
            });
        }

        if (kind != "standalone")
        {
            // The standalone composition writes SQLite files: PostgreSQL's counter would count only other activity.
            report.Add(new Figure(Name, variant, "write transactions per lifecycle", (double)m.Writes / count, "")
            {
                Note = "PostgreSQL transaction ids assigned during the walk (every database of the server) ÷ lifecycles",
            });
        }

        if (m.Messages is { } messages)
        {
            report.Add(new Figure(Name, variant, "messages per lifecycle", (double)messages / count, ""));
            report.Add(new Figure(Name, variant, "messages per second", messages / m.Elapsed.TotalSeconds, "/s"));
        }

        // What the walk does not count: the first lifecycle after start-up, where most code runs for the first time (and,
        // depending on the runtime's compilation settings, more or less of the JIT's work is done).
        report.Add(new Figure(Name, variant, "warm-up lifecycle (the first after start-up, not measured)", m.WarmUp.TotalSeconds, "s"));
        foreach (var before in m.Before)
        {
            report.Add(new Figure(Name, variant, $"{before.Name}: CPU from start-up through the warm-up", before.CpuSeconds, "s"));
        }

        foreach (var after in m.After)
        {
            var before = m.Before.FirstOrDefault(b => b.ProcessId == after.ProcessId);
            report.Add(new Figure(Name, variant, $"{after.Name}: CPU during the walk", after.CpuSince(before), "s")
            {
                Note = string.Create(CultureInfo.InvariantCulture, $"{after.CpuSince(before) / m.Elapsed.TotalSeconds:P0} of one core on average"),
            });
            report.Add(new Figure(Name, variant, $"{after.Name}: peak resident memory", after.PeakResidentMegabytes, "MB")
            {
                Target = new Target("< 300 MB", after.PeakResidentMegabytes < ResidentTargetMegabytes),
                Note = kind == "standalone" ? "all six services and the console in this one process" : null,
            });
        }
    }

    /// <summary>
    /// The distributed throughput against the bound the baselines imply: broker messages/s ÷ messages per lifecycle and
    /// database transactions/s ÷ write transactions per lifecycle, whichever is lower. Target: at least half of it.
    /// </summary>
    private static Figure LifecycleAgainstBound(ProgrammeRun run, string variant, Measured m)
    {
        var count = (double)m.Count;
        var broker = BaselinesScenario.Broker(run);
        var database = BaselinesScenario.Database(run);
        var bounds = new List<(string Name, double Value)>();
        if (broker is not null && m.Messages is > 0)
        {
            bounds.Add(($"broker bound ({broker.Value:0}/s ÷ {m.Messages / count:0.0} messages)", broker.Value / (m.Messages.Value / count)));
        }

        if (database is not null && m.Writes > 0)
        {
            bounds.Add(($"database bound ({database.Value:0}/s ÷ {m.Writes / count:0.0} transactions)", database.Value / (m.Writes / count)));
        }

        var figure = new Figure(Name, variant, "lifecycles per second against the bound", m.PerSecond, "/s");
        if (bounds.Count == 0)
        {
            return figure with { Note = "bound not computed: run the baselines scenario in the same run" };
        }

        var (name, value) = bounds.MinBy(b => b.Value);
        var ratio = m.PerSecond / value;
        return figure with { Baseline = new Baseline(name, value, "/s"), Target = new Target("≥ 50 % of the bound", ratio >= 0.5) };
    }

    private sealed record Measured(int Count, TimeSpan Elapsed, List<(string Step, long Ticks)> Steps, long Writes, long? Messages,
        List<ProcessUsage> Before, List<ProcessUsage> After, TimeSpan WarmUp)
    {
        public double PerSecond => Count / Elapsed.TotalSeconds;
    }
}
