using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.Testing;

namespace Zgc.Standalone.Tests.EndToEnd;

/// <summary>What dynamic management does to a platform under construction: a failed evaluation, fraud.</summary>
public sealed class ConstructionOutcomeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// R-A10-Y23 / R-A14-EVAL: year 2's evaluation fails, so year 3 is not funded (funding marks it not eligible and no run
    /// gathers it); monitoring orders a rectification, which is not completed, and then exits the platform.
    /// </summary>
    [Fact, Trait("Req", "R-A14-EVAL"), Trait("Req", "R-A10-Y23"), Trait("Req", "R-A14-ANNUAL")]
    public async Task A_failed_year_2_evaluation_leaves_year_3_unfunded_and_monitoring_leads_rectification_then_exit()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var start = await app.Now();
        await drive.ReferenceFigures(start.Year, start.Year + 4);
        var (id, agreementId) = await drive.ToUnderConstruction(unit);
        await drive.PayYear(id, 1);
        await drive.ReportAndEvaluate(id, unit, 1, "pass");
        await drive.WaitForProgress(id, p => p.GetProperty("constructionYear").GetInt32() == 2, "construction year 2");
        await drive.AwardAtCap(agreementId, 2);
        await drive.PayYear(id, 2);

        await drive.ReportAndEvaluate(id, unit, 2, "fail");

        var year3 = await drive.WaitForProgress(id, p => p.GetProperty("constructionYear").GetInt32() == 3, "construction year 3");
        Assert.Equal("UnderConstruction", year3.GetProperty("currentState").GetString());
        Assert.False(year3.GetProperty("progress").GetProperty("currentYearFunded").GetBoolean());
        Assert.False(year3.GetProperty("progress").GetProperty("lastEvaluationPassed").GetBoolean());
        Assert.Contains("no support for year 3", year3.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);
        var funding3 = await Eventually.Get(() => drive.FundingYear(agreementId, 3), y => y is not null, "funding year 3 recorded");
        Assert.Equal("NotEligible", funding3!.Value.GetProperty("status").GetString());
        var run = await drive.GatheredRun();
        Assert.DoesNotContain(run.GetProperty("lines").EnumerateArray(), l => l.GetProperty("applicationId").GetGuid() == id);

        // Monitoring decides the rectification path: an order with a deadline, not met, then the exit.
        using var monitor = app.ClientFor(Roles.MonitoringOfficer, user: "e2e-monitor");
        var deadline = BeijingTime.DateOf(await app.Now()).AddMonths(3);
        var ordered = await monitor.PostAsJsonAsync($"/monitoring/platforms/{id}/rectifications",
            new { requirements = "三个月内完成研发团队补充和产业链合作协议签订", deadline }, Ct);
        await LifecycleDriver.Ensure(ordered);
        var stillBuilding = await drive.Instance(id);
        Assert.Equal("UnderConstruction", stillBuilding!.Value.GetProperty("currentState").GetString());

        await app.Advance(TimeSpan.FromDays(100));
        await Eventually.True(async () =>
        {
            var orders = await monitor.GetFromJsonAsync<JsonElement>($"/monitoring/platforms/{id}/rectifications", Ct);
            return orders.EnumerateArray().Any(o => o.GetProperty("status").GetString() == "Overdue");
        }, "the rectification overdue");
        await LifecycleDriver.Ensure(await monitor.PostAsJsonAsync($"/monitoring/platforms/{id}/exit",
            new { reason = "整改逾期未完成", decisionReference = "中关村管委会决定〔2028〕5号" }, Ct));

        var exited = await drive.WaitForState(id, "Exited");
        Assert.Contains("整改逾期未完成", exited.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("UnderConstruction", "Exited"), LifecycleDriver.Transitions(exited)[^1]);
        var ledger = await drive.Ledger(id);
        Assert.Equal([1, 2], ledger.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Payment")
            .Select(e => e.GetProperty("constructionYear").GetInt32()).Order());
    }

    /// <summary>
    /// R-A15-FRAUD / R-A15-DEBARRED: fraud confirmed in year 2 revokes the platform, terminates the agreement, cancels the
    /// unpaid year 2, raises a clawback of everything paid, and the unit can never apply again.
    /// </summary>
    [Fact, Trait("Req", "R-A15-FRAUD"), Trait("Req", "R-A15-DEBARRED")]
    public async Task Fraud_confirmed_in_year_2_revokes_claws_back_and_debars_the_unit_at_intake()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var start = await app.Now();
        await drive.ReferenceFigures(start.Year, start.Year + 4);
        var (id, agreementId) = await drive.ToUnderConstruction(unit);
        var paid1 = (await drive.PayYear(id, 1)).GetProperty("amountFen").GetInt64();
        await drive.ReportAndEvaluate(id, unit, 1, "pass");
        await drive.WaitForProgress(id, p => p.GetProperty("constructionYear").GetInt32() == 2, "construction year 2");
        await drive.AwardAtCap(agreementId, 2);

        using var monitor = app.ClientFor(Roles.MonitoringOfficer, user: "e2e-monitor");
        var opened = await monitor.PostAsJsonAsync("/monitoring/fraud-cases",
            new { applicationId = id, source = "Audit", sourceReference = "专项审计〔2027〕3号", allegation = "虚报第二年度自筹投资" }, Ct);
        await LifecycleDriver.Ensure(opened);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await LifecycleDriver.Ensure(await monitor.PostAsJsonAsync($"/monitoring/fraud-cases/{caseId}/investigate", new { }, Ct));
        await LifecycleDriver.Ensure(await monitor.PostAsJsonAsync($"/monitoring/fraud-cases/{caseId}/confirm", new
        {
            evidence = "审计底稿第8页：设备发票重复入账", finding = "虚报自筹投资额600万元", decisionReference = "中关村管委会决定〔2027〕11号",
        }, Ct));

        var revoked = await drive.WaitForState(id, "Revoked");
        Assert.Contains("中关村管委会决定〔2027〕11号", revoked.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("UnderConstruction", "Revoked"), LifecycleDriver.Transitions(revoked)[^1]);
        Assert.Equal(2, revoked.GetProperty("progress").GetProperty("constructionYear").GetInt32());

        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        await Eventually.True(async () => (await drive.Agreement(id)).GetProperty("status").GetString() == "Terminated", "the agreement terminated");
        var clawback = await Eventually.Get(async () =>
        {
            var all = await committee.GetFromJsonAsync<JsonElement>("/funding/clawbacks", Ct);
            return all.EnumerateArray().Where(c => c.GetProperty("applicationId").GetGuid() == id).Select(c => (JsonElement?)c).SingleOrDefault();
        }, c => c is not null, "the clawback raised");
        Assert.Equal(paid1, clawback!.Value.GetProperty("receivableFen").GetInt64());
        Assert.NotEqual("Due", (await drive.FundingYear(agreementId, 2))!.Value.GetProperty("status").GetString());
        var run = await drive.GatheredRun();
        Assert.DoesNotContain(run.GetProperty("lines").EnumerateArray(), l => l.GetProperty("applicationId").GetGuid() == id);

        // The unit is debarred: intake refuses its new application, and no lifecycle starts for it.
        using var applicant = app.ClientFor(Roles.Applicant, unit: unit);
        await Eventually.True(async () =>
        {
            using var again = await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(LifecycleDriver.SubPark, platformName: "新一代集成电路平台"), Ct);
            return again.StatusCode == HttpStatusCode.Forbidden;
        }, "intake refusing the debarred unit");
        using var admin = app.ClientFor(Roles.Admin);
        var debarments = await admin.GetFromJsonAsync<JsonElement>("/intake/debarments", Ct);
        Assert.Contains(debarments.EnumerateArray(), d => d.GetProperty("unitUscc").GetString() == unit);
        var instances = await committee.GetFromJsonAsync<JsonElement>("/workflows/instances", Ct);
        Assert.Single(instances.EnumerateArray(), i => i.GetProperty("unitUscc").GetString() == unit);
    }
}
