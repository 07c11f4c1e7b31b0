using System.Text.Json;
using Zgc.SharedKernel;

namespace Zgc.Standalone.Demo;

/// <summary>
/// Builds the demo programme of a <see cref="DemoPlan"/> through the services' own APIs and messages, on the simulated
/// clock: four application rounds a year apart, so that when seeding ends the first round has completed its three
/// construction years (one platform revoked for fraud), the second is in year 3 (one under rectification after a failed
/// evaluation), the third in year 2 and this year's round stands at every stage from draft to year 1. The clock only moves
/// forward and always to absolute instants (09:00 Beijing of a day), so the same plan gives the same programme.
/// </summary>
public sealed partial class DemoSeeder(DemoPlan plan, DemoApi api, Action<string> log)
{
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Refuses to seed over existing data: the demo's stages would be mixed with real ones.</summary>
    public async Task EnsureEmpty()
    {
        var units = await api.Get(api.Committee, "/intake/units");
        var applications = await api.Get(api.Committee, "/intake/applications?pageSize=1");
        var unitCount = DemoApi.Items(units).Count();
        var applicationCount = applications.GetProperty("total").GetInt32();
        if (unitCount > 0 || applicationCount > 0)
        {
            throw new DemoRefusedException(
                $"The databases already hold {unitCount} units and {applicationCount} submitted applications; --seed-demo only seeds an empty programme. " +
                "Point Database:DataDirectory at a new folder (or delete the data folder) and start again.");
        }
    }

    public async Task<DemoCensus> Run()
    {
        await EnsureEmpty();
        await api.SetSpeed(1);
        var start = await Today();
        log($"[demo] seed {plan.Seed}: {plan.Units.Count} units, {plan.Applications.Count} applications, {plan.Experts.Count} experts; programme starts {start:yyyy-MM-dd}");

        await Foundations(start);
        var round = plan.Applications.GroupBy(a => a.Cohort).ToDictionary(g => g.Key, g => (IReadOnlyList<DemoApplication>)[.. g]);
        IReadOnlyList<DemoApplication> Round(int cohort) => round.GetValueOrDefault(cohort) ?? [];

        // Round 1: every platform is included and paid its first year.
        await ToConstruction(Round(0), dismissedObjection: Round(0)[0]);
        await DisbursementRun(pay: true);
        await Progress();

        // A year on: round 1 reports year 1 and is awarded year 2; round 2 applies; one run pays both.
        await Reports(Round(0), 1);
        await WaitForYear(Round(0), 2);
        await Award(Round(0), 2);
        await ToConstruction(Round(1));
        await DisbursementRun(pay: true);
        await Progress();

        // Six months later an audit finds fraud in one round-1 platform (R-A15-FRAUD); the next spring, round 1 reports year 2
        // and round 2 year 1, round 3 applies, one run pays all three.
        await api.AdvanceTo(WorkingMorning(new DateOnly(start.Year + 1, 9, 15)));
        await Fraud(plan.Of(DemoStage.Revoked).Single());
        var honest = Round(0).Where(a => a.Stage != DemoStage.Revoked).ToList();
        await Reports(honest, 2);
        await WaitForYear(honest, 3);
        await Award(honest, 3);
        await Reports(Round(1), 1);
        await WaitForYear(Round(1), 2);
        await Award(Round(1), 2);
        await ToConstruction(Round(2));
        await DisbursementRun(pay: true);
        await Progress();

        // The third spring: round 1 completes; round 2 reports year 2 (one fails: rectification); round 3 reports year 1.
        await Reports(honest, 3);
        await WaitForState(honest, "Completed");
        await Reports(Round(1), 2, failing: DemoStage.UnderRectification);
        await WaitForYear(Round(1), 3);
        await Award(plan.Of(DemoStage.Year3Paid), 3);
        await Rectification(plan.Of(DemoStage.UnderRectification).Single());
        await Reports(Round(2), 1);
        await WaitForYear(Round(2), 2);
        await Award(plan.Of(DemoStage.Year2Paid), 2);
        await Progress();

        await ThisYearsRound();
        await Progress();
        return await DemoCensus.Take(plan, api);
    }

    /// <summary>ZGC reference figures for the R&amp;D check, the units' profiles and the expert pool.</summary>
    private async Task Foundations(DateOnly start)
    {
        for (var year = start.Year - 1; year <= start.Year + 5; year++)
        {
            await api.Put(api.Admin, $"/monitoring/reference-figures/{year}", new { averageRdIntensityBasisPoints = 650 });
        }

        foreach (var unit in plan.Units)
        {
            await api.Put(api.Applicant(unit), "/intake/units/mine", DemoPayloads.Unit(unit));
        }

        foreach (var expert in plan.Experts)
        {
            await api.Post(api.Committee, "/review/experts", new
            {
                userId = expert.UserId, name = expert.Name, employerName = expert.EmployerName, employerUscc = expert.EmployerUscc, title = expert.Title,
                fields = new[] { expert.Field },
            });
        }

        log($"[demo] {plan.Units.Count} units registered, {plan.Experts.Count} experts in the pool");
    }

    /// <summary>
    /// A round from submission to signed agreements: recommended, supported by the experts, approved by one meeting, notice
    /// period passed (with an objection dismissed on <paramref name="dismissedObjection"/>), agreements signed.
    /// </summary>
    private async Task ToConstruction(IReadOnlyList<DemoApplication> applications, DemoApplication? dismissedObjection = null)
    {
        await ToNotice(applications);
        if (dismissedObjection is not null)
        {
            await Objection(dismissedObjection, "该平台申报材料中的合作企业数量与实际不符，请予核查。", upheld: false,
                finding: "经核查，合作企业均已签订合作协议，异议不成立。");
        }

        await PastNotices(applications);
        await WaitForState(applications, "Included");
        await Sign(applications);
        await WaitForState(applications, "UnderConstruction");
    }

    /// <summary>Submitted, recommended, supported, approved: the notices are published.</summary>
    private async Task ToNotice(IReadOnlyList<DemoApplication> applications)
    {
        await Create(applications);
        await Submit(applications);
        await WaitForState(applications, "SubParkReview");
        await Recommend(applications);
        await WaitForState(applications, "ExpertReview");
        await Panels(applications, support: true);
        await WaitForState(applications, "AwaitingMeeting");
        await Meeting([.. applications.Select(a => (a, "approve"))]);
        await WaitForState(applications, "InNotice");
        await ReadNotices(applications);
        log($"[demo] {applications.Count} applications approved and in notice ({_ids.Count}/{plan.Applications.Count} applications so far)");
    }

    /// <summary>
    /// This year's round, in an order that needs no clock move after the early stages are set: first the applications that
    /// must get through their notice period (included, year 1, the failed notice), a run, then everything earlier.
    /// </summary>
    private async Task ThisYearsRound()
    {
        var throughNotice = plan.Of(DemoStage.Year1Paid, DemoStage.Year1Pending, DemoStage.Included, DemoStage.NoticeFailed);
        await ToNotice(throughNotice);
        foreach (var failed in plan.Of(DemoStage.NoticeFailed))
        {
            await Objection(failed, "该单位申报的建设投资中设备采购合同系伪造，实际并未发生。", upheld: true, finding: "经核查，设备采购合同不实，异议成立。");
        }

        await PastNotices(throughNotice);
        await WaitForState(plan.Of(DemoStage.NoticeFailed), "NoticeFailed");
        await WaitForState(plan.Of(DemoStage.Year1Paid, DemoStage.Year1Pending, DemoStage.Included), "Included");
        await Sign(plan.Of(DemoStage.Year1Paid));
        await WaitForState(plan.Of(DemoStage.Year1Paid), "UnderConstruction");
        await DisbursementRun(pay: true);

        // Pending disbursements: awarded or newly signed after the run; a second run is approved but not yet paid.
        await Award(plan.Of(DemoStage.Year2Pending), 2);
        await Sign(plan.Of(DemoStage.Year1Pending));
        await WaitForState(plan.Of(DemoStage.Year1Pending), "UnderConstruction");
        await DisbursementRun(pay: false);

        // The early stages.
        var early = plan.Applications.Where(a => a.Cohort == 3 && !throughNotice.Contains(a)).ToList();
        await Create(early);
        var submitted = early.Where(a => a.Stage != DemoStage.Draft).ToList();
        await Submit(submitted);
        var eligible = submitted.Where(a => a.Stage != DemoStage.Ineligible).ToList();
        await WaitForState(eligible, "SubParkReview");
        foreach (var a in plan.Of(DemoStage.RejectedAtSubPark))
        {
            await SubParkDecides(a, "reject", "不属于本园区重点支持的产业方向");
        }

        foreach (var a in plan.Of(DemoStage.ReturnedForCorrection))
        {
            await SubParkDecides(a, "return", "缺少近三年财务审计报告，请补充后重新提交");
        }

        var recommended = eligible.Where(a => a.Stage is not (DemoStage.Submitted or DemoStage.RejectedAtSubPark or DemoStage.ReturnedForCorrection)).ToList();
        await Recommend(recommended);
        await WaitForState(recommended, "ExpertReview");
        log($"[demo] {eligible.Count} of this year's applications submitted, {recommended.Count} recommended");

        await Panels(plan.Of(DemoStage.UnderExpertReview), support: true, scoring: 2);
        await Panels(plan.Of(DemoStage.NotSupported), support: false);
        var supported = plan.Of(DemoStage.AwaitingMeeting, DemoStage.DeferredAtMeeting, DemoStage.RejectedAtMeeting, DemoStage.InNotice,
            DemoStage.InNoticeWithObjection);
        await Panels(supported, support: true);
        await WaitForState(supported, "AwaitingMeeting");

        var decisions = supported.Where(a => a.Stage != DemoStage.AwaitingMeeting).Select(a => (a, a.Stage switch
        {
            DemoStage.DeferredAtMeeting => "defer",
            DemoStage.RejectedAtMeeting => "reject",
            _ => "approve",
        })).ToList();
        await Meeting(decisions);
        var inNotice = plan.Of(DemoStage.InNotice, DemoStage.InNoticeWithObjection);
        await WaitForState(inNotice, "InNotice");
        await ReadNotices(inNotice);
        foreach (var a in plan.Of(DemoStage.InNoticeWithObjection))
        {
            await Objection(a, "该平台负责人同时担任另一在建平台负责人，全职投入存疑。", upheld: null);
        }

        await WaitForState(plan.Of(DemoStage.RejectedAtSubPark, DemoStage.NotSupported, DemoStage.RejectedAtMeeting), "Rejected");
        await WaitForState(plan.Of(DemoStage.ReturnedForCorrection), "ReturnedForCorrection");
        await WaitFor(plan.Of(DemoStage.DeferredAtMeeting), i => i.GetProperty("progress").GetProperty("meetingDeferrals").GetInt32() == 1, "deferred");
    }

    /// <summary>R-A15-FRAUD: an audit finds false investment figures; the case is investigated and confirmed (revoked, clawed back, debarred).</summary>
    private async Task Fraud(DemoApplication a)
    {
        var opened = await api.Post(api.Monitor, "/monitoring/fraud-cases", new
        {
            applicationId = Id(a), source = "Audit", sourceReference = $"专项审计〔{(await Today()).Year}〕3号", allegation = "虚报第二年度自筹投资",
        });
        var caseId = opened.GetProperty("id").GetGuid();
        await api.Post(api.Monitor, $"/monitoring/fraud-cases/{caseId}/investigate");
        await api.Post(api.Monitor, $"/monitoring/fraud-cases/{caseId}/confirm", new
        {
            evidence = "审计底稿第8页：设备发票重复入账", finding = "虚报自筹投资额600万元", decisionReference = $"中关村管委会决定〔{(await Today()).Year}〕11号",
        });
        await WaitForState([a], "Revoked");
        var clawback = await api.Eventually(async () =>
            {
                var all = await api.Get(api.FinancePreparer, "/funding/clawbacks");
                return all.EnumerateArray().Where(c => c.GetProperty("applicationId").GetGuid() == Id(a)).Select(c => (JsonElement?)c).SingleOrDefault();
            }, c => c is not null, "the clawback");
        // The unit returns part of the money within a month; the rest stays outstanding.
        var receivable = clawback!.Value.GetProperty("receivableFen").GetInt64();
        await api.Post(api.FinancePreparer, $"/funding/clawbacks/{clawback.Value.GetProperty("id").GetGuid()}/recoveries", new
        {
            amountFen = receivable / 2, receivedOn = DemoApi.Date(await Today()), reference = "追回款（第一笔）",
        });
        log($"[demo] fraud confirmed on {a.PlatformName}: revoked, clawback of {Money.FromFen(receivable)} raised");
    }

    /// <summary>R-A14-EVAL: after the failed evaluation, a warning and a rectification order due in three months.</summary>
    private async Task Rectification(DemoApplication a)
    {
        await api.Post(api.Monitor, $"/monitoring/platforms/{Id(a)}/warnings", new { reason = "第二年度绩效评价不合格" });
        await api.Post(api.Monitor, $"/monitoring/platforms/{Id(a)}/rectifications", new
        {
            requirements = "三个月内补充研发团队、提高研发投入强度并签订产业链合作协议", deadline = DemoApi.Date((await Today()).AddMonths(3)),
        });
    }

    private async Task Progress() =>
        log($"[demo] {await Today():yyyy-MM-dd} (after {_watch.Elapsed.TotalSeconds:0} s): {_ids.Count}/{plan.Applications.Count} applications…");
}

/// <summary>Seeding refused (data already present): the host stops with a non-zero exit code.</summary>
public sealed class DemoRefusedException(string message) : Exception(message);
