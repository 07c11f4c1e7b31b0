using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Lifecycle;

/// <summary>
/// Walks many applications through the complete three-year lifecycle at once, each step over HTTP as the actor the policy
/// names (the system tests' <see cref="LifecycleDriver"/>). The programme has one clock, so the walk goes in phases like a real
/// programme year: every application does a phase's work (up to <c>concurrency</c> at a time), then the clock moves on for
/// all of them (past the notices, past a construction year) and one disbursement run pays every due year.
/// </summary>
public sealed class ProgrammeWalk(LifecycleDriver drive, int concurrency, Action<string> log)
{
    /// <summary>Experts in the pool; panels of five are drawn from it (the field of every application the walk submits).</summary>
    private const int PoolSize = 25;

    private static readonly string[] Fields = ["next-generation-it"];

    private readonly ConcurrentQueue<(string Step, long Ticks)> _steps = new();
    private readonly Stopwatch _watch = new();

    /// <summary>Each timed step: from the user's request to the lifecycle showing its effect (as often as the walk polls).</summary>
    public IEnumerable<(string Step, long Ticks)> Steps => _steps;

    public TimeSpan Elapsed => _watch.Elapsed;

    /// <summary>The pool and the ZGC reference figures every walk needs, set once per composition (not timed).</summary>
    public static async Task Prepare(LifecycleDriver drive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drive);
        var start = await drive.Host.Now();
        // A warm-up walk and the measured one each take three programme years.
        await drive.ReferenceFigures(start.Year - 1, start.Year + 10);
        var committee = drive.As("review", Roles.CommitteeOfficer);
        for (var i = 0; i < PoolSize; i++)
        {
            await LifecycleDriver.Ensure(await committee.PostAsJsonAsync("/review/experts", new
            {
                userId = $"bench-expert-{i}", name = $"专家{i}", employerName = "某大学", employerUscc = $"12100000{i:D9}X", title = "教授",
                fields = Fields,
            }, cancellationToken));
        }
    }

    /// <summary>Walks <paramref name="units"/> (one application each) to Completed; throws on the first failure.</summary>
    public async Task Run(IReadOnlyList<string> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        _watch.Start();
        var ids = new Guid[units.Count];
        var agreements = new Guid[units.Count];
        var notices = new JsonElement[units.Count];

        await Phase("application to notice", units.Count, async i =>
        {
            var id = ids[i] = await Timed("submit → sub-park review", () => drive.Submit(units[i]));
            await Timed("recommend → expert review", async () =>
            {
                await drive.Recommend(id, i + 1);
                await drive.WaitForState(id, "ExpertReview");
            });
            await Timed("panel drawn and scored → awaiting meeting", async () =>
            {
                await drive.ExpertPanel(id, support: true, addExperts: false);
                await drive.WaitForState(id, "AwaitingMeeting");
            });
            await Timed("meeting approves → in notice", async () =>
            {
                await drive.Decide(await drive.Meeting(id), id, "approve");
                await drive.WaitForState(id, "InNotice");
            });
            notices[i] = await drive.Notice(id);
        });

        // The notice service closes every period by its own timer once the clock passes the last working day's 24:00.
        await drive.AdvanceTo(notices.Max(n => n.GetProperty("closesAt").GetDateTimeOffset()).AddHours(9));
        await Phase("notice passed, agreement signed", units.Count, async i =>
        {
            await Timed("notice closes by its timer → included", () => drive.WaitForState(ids[i], "Included"));
            await Timed("agreement signed → under construction", async () =>
            {
                agreements[i] = await drive.SignAgreement(ids[i], units[i]);
                await drive.WaitForState(ids[i], "UnderConstruction");
            });
        });

        await Pay(ids, 1);
        for (var year = 1; year <= 3; year++)
        {
            var reports = new JsonElement[units.Count];
            var current = year;
            await Phase($"year-{year} report windows", units.Count, async i => reports[i] = await drive.Report(ids[i], units[i], current));
            var periodEnd = reports.Max(r => DateOnly.Parse(r.GetProperty("periodEnd").GetString()!, CultureInfo.InvariantCulture));
            await drive.AdvanceTo(new DateTimeOffset(periodEnd.AddDays(1), new TimeOnly(9, 0), TimeSpan.FromHours(8)));
            await Phase($"year-{year} reports and evaluations", units.Count, async i =>
            {
                var reportId = reports[i].GetProperty("id").GetGuid();
                await drive.SubmitReport(reportId, units[i], LifecycleDriver.GoodIndicators(current));
                if (current < 3)
                {
                    await Timed("report evaluated → next construction year", async () =>
                    {
                        await drive.Evaluate(reportId, "pass", "各项指标达标");
                        await drive.WaitForProgress(ids[i], p => p.GetProperty("constructionYear").GetInt32() == current + 1, $"construction year {current + 1}");
                    });
                    await Timed("award → awaiting payment", () => drive.AwardAtCap(agreements[i], current + 1));
                }
                else
                {
                    await Timed("last report evaluated → completed", async () =>
                    {
                        await drive.Evaluate(reportId, "pass", "各项指标达标");
                        await drive.WaitForState(ids[i], "Completed");
                    });
                }
            });
            if (year < 3)
            {
                await Pay(ids, year + 1);
            }
        }

        _watch.Stop();
    }

    /// <summary>One disbursement run (maker-checker) pays year <paramref name="year"/> of every application; the lifecycles count it.</summary>
    private async Task Pay(Guid[] ids, int year)
    {
        var started = Stopwatch.GetTimestamp();
        // Enough for every platform at the especially-major cap (R-A10-MAJOR, ¥30 million a year): the default budget covers
        // only 100 platforms at the ordinary cap, and a larger walk would be refused as over budget.
        var paid = await drive.DisbursementRun(Math.Max(LifecycleDriver.DefaultBudgetFen, ids.Length * 30_000_000_00L));
        var expected = ids.ToHashSet();
        var lines = paid.Where(l => expected.Contains(l.GetProperty("applicationId").GetGuid()) && l.GetProperty("constructionYear").GetInt32() == year).ToList();
        if (lines.Count != ids.Length)
        {
            throw new InvalidOperationException($"The year-{year} run paid {lines.Count} of {ids.Length} platform-years.");
        }

        _steps.Enqueue(("disbursement run (all platforms)", Stopwatch.GetTimestamp() - started));
        log($"    year {year} paid to {ids.Length} platforms ({_watch.Elapsed.TotalSeconds:0} s)");
    }

    private async Task Phase(string name, int count, Func<int, Task> step)
    {
        var done = 0;
        using var progress = new Timer(_ => log($"    {name}: {Volatile.Read(ref done)}/{count} ({_watch.Elapsed.TotalSeconds:0} s)"), null,
            TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            await step(i);
            Interlocked.Increment(ref done);
        });
        log($"    {name}: {count}/{count} ({_watch.Elapsed.TotalSeconds:0} s)");
    }

    private async Task<T> Timed<T>(string name, Func<Task<T>> step)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await step();
        _steps.Enqueue((name, Stopwatch.GetTimestamp() - started));
        return result;
    }

    private Task Timed(string name, Func<Task> step) => Timed(name, async () =>
    {
        await step();
        return true;
    });
}
