using System.Diagnostics;
using System.Globalization;
using Zgc.Bench.Programme.Reporting;
using Zgc.Bench.Programme.Scenarios.Timers;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios;

/// <summary>
/// Many notice periods ending at the same instant (issue 13: "10,000 notices closing at nearly the same moment"). The notice
/// service runs alone as its own process on PostgreSQL and RabbitMQ; the bench sends it the workflows service's
/// <c>PublishNotice</c> N times on one simulated day, so every notice closes at 24:00 Beijing of the same fifth working day
/// (a due-dated outbox row each). Once all are published, the service's clock is moved to a few seconds before that instant
/// and runs on in real time while the bench hears every <c>NoticePassed</c>: its lateness is the arrival, read on the
/// service's simulated clock, minus the notice's close instant. Target: p99 under 2 s with 10,000 pending.
/// </summary>
public static class TimersScenario
{
    public const string Name = "timers";

    /// <summary>How long before the common close instant the clock is put: long enough to read the backlog and CPU first.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);

    /// <summary>Nothing published, passed or delivered for this long: the service is stuck, the wait ends.</summary>
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(60);

    public static async Task Run(ProgrammeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var count = run.Options.Count("--timers", full: 10000, quick: 500);
        var warmUp = run.Options.Count("--timers-warmup", full: 1000, quick: 100, zeroAllowed: true);
        await using var service = await NoticeService.Start(run.Databases(Name), ProgrammeRun.ProgrammeStart, run.Options.KeepDatabases,
            run.Options.Settings);
        if (warmUp > 0)
        {
            await WarmUp(service, warmUp);
        }

        await using var watch = await NoticeWatch.Start(service.RabbitMq, count);

        var publishing = Stopwatch.StartNew();
        await watch.SendPublishNotices(count, CancellationToken.None);
        if (!await WhileProgressing(watch.AllPublished, () => Task.FromResult($"{watch.ClosesAt.Count} of {count} published")))
        {
            throw new TimeoutException($"{watch.ClosesAt.Count} of {count} notices published, none for {Stall.TotalSeconds} s; see {service.LogPath}");
        }

        publishing.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count} notices published in {publishing.Elapsed.TotalSeconds:0.0} s"));

        var closes = watch.ClosesAt.Values.Distinct().Order().ToList();
        var (timersPending, _) = await service.Backlog();
        var before = service.Usage();
        var benchBefore = ProcessUsage.Read("bench", Environment.ProcessId);
        var offset = await service.MoveClockTo(closes[0] - Lead);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {timersPending} timers pending; clock moved to {closes[0] - Lead:u}, {closes.Count} distinct close instant(s)"));

        // The service may send every timer before the first result comes back (its outbox delivers in due order: the close timers all fell due before the first result was written), so
        // its own backlog moving counts as progress too.
        await WhileProgressing(watch.AllPassed, async () =>
        {
            var (timers, messages) = await service.Backlog();
            return $"{watch.PassedNotices.Count} of {count} passed; the service has {timers} timers and {messages} due messages pending";
        });
        var after = service.Usage();
        var benchCpu = ProcessUsage.Read("bench", Environment.ProcessId)?.CpuSince(benchBefore);

        Report(run, new Outcome(count, warmUp, watch, closes, offset, timersPending, publishing.Elapsed, before, after, benchCpu));
    }

    /// <summary>
    /// A day of <paramref name="count"/> notices closing together before the measured one, as a service in production has
    /// closed notices before: the close path's code is compiled and the runtime's tiering has settled on it, so the measured
    /// instant shows the steady cost, not a fresh process's first one (the JIT was a fifth of the notice process's CPU
    /// samples in an unwarmed run; performance.md, fix 30). Reported, not part of the figures.
    /// </summary>
    private static async Task WarmUp(NoticeService service, int count)
    {
        await using var watch = await NoticeWatch.Start(service.RabbitMq, count);
        await watch.SendPublishNotices(count, CancellationToken.None);
        if (!await WhileProgressing(watch.AllPublished, () => Task.FromResult($"warm-up: {watch.ClosesAt.Count} of {count} published")))
        {
            throw new TimeoutException($"warm-up: {watch.ClosesAt.Count} of {count} notices published, none for {Stall.TotalSeconds} s; see {service.LogPath}");
        }

        var closes = watch.ClosesAt.Values.Distinct().Order().ToList();
        await service.MoveClockTo(closes[0] - TimeSpan.FromSeconds(1));
        var started = Stopwatch.StartNew();
        if (!await WhileProgressing(watch.AllPassed, () => Task.FromResult($"warm-up: {watch.PassedNotices.Count} of {count} passed")))
        {
            throw new TimeoutException($"warm-up: {watch.PassedNotices.Count} of {count} notices passed, none for {Stall.TotalSeconds} s; see {service.LogPath}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  warm-up: {count} notices closed together on {closes[0]:u}, all passed {started.Elapsed.TotalSeconds:0.0} s after the clock was moved"));
    }

    /// <summary>
    /// Waits for <paramref name="done"/> as long as <paramref name="progress"/> keeps changing (the same for <see cref="Stall"/>
    /// gives up: the figures then say what was missing), printing it. False when it gave up.
    /// </summary>
    private static async Task<bool> WhileProgressing(Task done, Func<Task<string>> progress)
    {
        var watch = Stopwatch.StartNew();
        var last = (Progress: "", At: TimeSpan.Zero);
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(5)));
            var now = await progress();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds:0} s: {now}"));
            if (now != last.Progress)
            {
                last = (now, watch.Elapsed);
            }
            else if (watch.Elapsed - last.At > Stall && !done.IsCompleted)
            {
                return false;
            }
        }

        return true;
    }

    private static void Report(ProgrammeRun run, Outcome o)
    {
        var variant = string.Create(CultureInfo.InvariantCulture, $"{o.Count:N0} notices closing together");
        var lateness = o.Watch.PassedNotices.Select(p => p.Value.ArrivedAt + o.Offset - o.Watch.ClosesAt[p.Key]).ToArray();
        var deciding = o.Watch.PassedNotices.Select(p => p.Value.DecidedAt - o.Watch.ClosesAt[p.Key]).ToArray();
        var summary = LatencySummary.FromTicks(StopwatchTicks(lateness));
        PrintTimeline(deciding, lateness);
        var problems = o.Count - o.Watch.PassedNotices.Count + o.Watch.DuplicatePassed + o.Watch.UnknownPassed + o.Watch.FailedNotices + o.Watch.DuplicatePublished;
        var missing = o.Count - o.Watch.PassedNotices.Count;

        run.Report.Add(new Figure(Name, variant, "lateness, due time to NoticePassed heard", summary.P99, "ms p99")
        {
            Latency = summary,
            Target = new Target("p99 < 2 s", missing == 0 && summary.P99 < 2000),
            Note = missing == 0 ? null : $"{missing} never arrived (not in the percentiles)",
        });
        run.Report.Add(new Figure(Name, variant, "lateness, due time to notice closed (its DecidedAt)", LatencySummary.FromTicks(StopwatchTicks(deciding)).P99, "ms p99")
        {
            Latency = LatencySummary.FromTicks(StopwatchTicks(deciding)),
            Note = "the timer's delivery and the close transaction; the rest is NoticePassed's own outbox delivery",
        });

        if (lateness.Length > 0)
        {
            var drain = lateness.Max();
            // Each close commits at least one transaction of its own (the consumer's: inbox row, notice, NoticePassed's outbox
            // row), so the raw commit ceiling bounds the rate; 10,000 inside 2 s would need 5,000 commits per second.
            var ceiling = BaselinesScenario.Database(run);
            run.Report.Add(new Figure(Name, variant, "notices closed per second (due time to last NoticePassed)", lateness.Length / drain.TotalSeconds, "/s")
            {
                Baseline = ceiling is null ? null : new Baseline("raw commit ceiling (one transaction per close)", ceiling.Value, ceiling.Unit),
                Note = string.Create(CultureInfo.InvariantCulture, $"all heard {drain.TotalSeconds:0.0} s after the due time"),
            });
        }

        if (lateness.Length > 0)
        {
            run.Report.Add(new Figure(Name, variant, "lateness of the first NoticePassed heard", lateness.Min().TotalMilliseconds, "ms")
            {
                Note = "the fixed part (poll, claim, two hops) before any queueing behind the others",
            });
        }

        run.Report.Add(new Figure(Name, variant, "timers pending before the due time (GET /notice/outbox)", o.TimersPending, "timers"));
        run.Report.Add(new Figure(Name, variant, "notices published per second (PublishNotice sent to NoticePublished heard)",
            o.Count / o.Publishing.TotalSeconds, "/s"));
        run.Report.Add(new Figure(Name, variant, "NoticePassed missing, duplicated or unexpected", problems, "messages")
        {
            Target = new Target("each exactly once", problems == 0),
            Note = string.Create(CultureInfo.InvariantCulture,
                $"missing {missing}, duplicates {o.Watch.DuplicatePassed}, unknown {o.Watch.UnknownPassed}, failed {o.Watch.FailedNotices}, published twice {o.Watch.DuplicatePublished}"),
        });

        if (o.After is { } usage)
        {
            run.Report.Add(new Figure(Name, variant, "notice process CPU while the timers fell due", usage.CpuSince(o.Before), "s"));
            run.Report.Add(new Figure(Name, variant, "notice process peak resident memory", usage.PeakResidentMegabytes, "MB")
            {
                Target = new Target("< 300 MB", usage.PeakResidentMegabytes < 300),
            });
        }

        // The bench shares the two cores with what it measures: its own share is shown so that a change in it is not read as the service's.
        if (o.BenchCpu is { } benchCpu)
        {
            run.Report.Add(new Figure(Name, variant, "the bench's own CPU while the timers fell due", benchCpu, "s")
            {
                Note = "hearing the results (a plain RabbitMQ.Client consumer) and watching the backlog",
            });
        }

        var setting = string.Create(CultureInfo.InvariantCulture,
            $"The notice service alone (PostgreSQL, RabbitMQ, default messaging settings) with {o.Count:N0} notices published on one simulated day, ");
        var closing = string.Create(CultureInfo.InvariantCulture,
            $"{o.Closes.Count} distinct close instant(s) ({o.Closes[0]:u}). Its clock was moved to {Lead.TotalSeconds:0} s before the close and ran at ");
        var warmed = o.WarmUp > 0
            ? string.Create(CultureInfo.InvariantCulture, $"Before them, {o.WarmUp:N0} notices closed together on an earlier day, unmeasured (--timers-warmup; 0 measures a fresh process). ")
            : "No warm-up day (--timers-warmup 0): the close path ran for the first time at the measured instant. ";
        run.Report.Note(Name, setting + closing +
            "real speed; lateness is the real arrival at the bench's own queue, mapped onto the service's clock, minus each notice's close instant. " +
            warmed + "Indicative only: other builds and runs share this machine.");
    }

    /// <summary>
    /// How many notices were decided, and how many results heard, in each tenth of a second after the due time: where the
    /// time goes (the closes, or the results' delivery after them) reads off it at a glance.
    /// </summary>
    private static void PrintTimeline(TimeSpan[] decided, TimeSpan[] heard)
    {
        const int bucketMs = 100;
        if (heard.Length == 0)
        {
            return;
        }

        var buckets = (int)(Math.Max(decided.DefaultIfEmpty().Max().TotalMilliseconds, heard.Max().TotalMilliseconds) / bucketMs) + 1;
        var closed = new int[buckets];
        var results = new int[buckets];
        foreach (var d in decided)
        {
            closed[Math.Max(0, (int)(d.TotalMilliseconds / bucketMs))]++;
        }

        foreach (var h in heard)
        {
            results[Math.Max(0, (int)(h.TotalMilliseconds / bucketMs))]++;
        }

        Console.WriteLine("  after the due time (ms): notices decided / results heard");
        var line = new System.Text.StringBuilder();
        for (var b = 0; b < buckets; b++)
        {
            line.Append(CultureInfo.InvariantCulture, $"{b * bucketMs,6}: {closed[b],4} / {results[b],4}");
            if (b % 5 == 4 || b == buckets - 1)
            {
                Console.WriteLine("  " + line);
                line.Clear();
            }
            else
            {
                line.Append(" | ");
            }
        }
    }

    private static long[] StopwatchTicks(TimeSpan[] spans) =>
        [.. spans.Select(s => (long)(s.Ticks * ((double)Stopwatch.Frequency / TimeSpan.TicksPerSecond)))];

    private sealed record Outcome(int Count, int WarmUp, NoticeWatch Watch, List<DateTimeOffset> Closes, TimeSpan Offset, int TimersPending, TimeSpan Publishing,
        ProcessUsage? Before, ProcessUsage? After, double? BenchCpu);
}
