using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Monitoring.Domain.Reports;
using Zgc.ServiceDefaults;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Features;

/// <summary>R-A14-EVAL: computed checks, the officer's grade and overrides, and the event that gates the next year's funding.</summary>
public sealed class EvaluationEndpointsTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static readonly DateOnly FarDue = new(2099, 3, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AnnualReport> Submitted(Guid applicationId, int year, int periodYear, object indicators)
    {
        var report = await app.Open(Window(applicationId, year, periodYear, FarDue));
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);
        (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", indicators, Ct)).EnsureSuccessStatusCode();
        (await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        return report;
    }

    private async Task SetAverage(int year, int basisPoints)
    {
        using var admin = app.ClientFor(Roles.Admin);
        (await admin.PutAsJsonAsync($"/monitoring/reference-figures/{year}", new { averageRdIntensityBasisPoints = basisPoints }, Ct)).EnsureSuccessStatusCode();
    }

    [Fact, Trait("Req", "R-A14-EVAL"), Trait("Req", "R-A8-RD")]
    public async Task A_year_exactly_at_the_average_passes_and_the_evaluation_is_announced_with_the_accepted_investment()
    {
        await SetAverage(2041, 650);
        var applicationId = Guid.NewGuid();
        var report = await Submitted(applicationId, 1, 2041, Indicators(rdFen: 65_000_00, revenueFen: 1_000_000_00));
        using var officer = app.ClientFor(Roles.MonitoringOfficer);

        var checks = await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports/{report.Id}/checks", Ct);
        var rd = checks!.Single(c => c.GetProperty("code").GetString() == AnnualChecks.RdAtLeastAverage);
        Assert.Equal("Passed", rd.GetProperty("computed").GetString());

        var response = await officer.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new { grade = "pass", comments = "各项指标达标" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await app.Delivered("AnnualEvaluationCompleted", applicationId);
        Assert.True(message.GetProperty("passed").GetBoolean());
        Assert.Equal("pass", message.GetProperty("grade").GetString());
        Assert.Equal(1, message.GetProperty("constructionYear").GetInt32());
        Assert.Equal(7_500_000_00L, message.GetProperty("acceptedSelfRaisedEligibleInvestmentFen").GetInt64());
        Assert.Equal("各项指标达标", message.GetProperty("remarks").GetString());
        Assert.Equal(AnnualReportStatus.Evaluated, (await app.Report(applicationId, 1))!.Status);

        var twice = await officer.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new { grade = "fail" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("Evaluated", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A14-EVAL"), Trait("Req", "R-A8-SME")]
    public async Task A_failing_check_refuses_a_pass_until_the_officer_overrides_it_with_a_reason()
    {
        await SetAverage(2043, 650);
        await SetAverage(2044, 650);
        var applicationId = Guid.NewGuid();
        await Submitted(applicationId, 1, 2043, Indicators(rdFen: 65_000_00, smes: 10, drivenRevenueFen: 500_000_00, served: 20));
        // Year 2: intensity 7 % (rising), exactly 15 % revenue growth, 34 served on course, but SMEs not up (10 again).
        var second = await Submitted(applicationId, 2, 2044, Indicators(rdFen: 70_000_00, smes: 10, drivenRevenueFen: 575_000_00, served: 34));
        using var officer = app.ClientFor(Roles.MonitoringOfficer);

        var checks = (await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports/{second.Id}/checks", Ct))!
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("computed").GetString());
        Assert.Equal("Passed", checks[AnnualChecks.RdRising]);
        Assert.Equal("Passed", checks[AnnualChecks.SmeRevenueGrowth]);
        Assert.Equal("Passed", checks[AnnualChecks.ServedOnCourse]);
        Assert.Equal("Failed", checks[AnnualChecks.SmesRising]);

        var refused = await officer.PostAsJsonAsync($"/monitoring/reports/{second.Id}/evaluation", new { grade = "pass" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("grade", problem.GetProperty("field").GetString());
        Assert.Equal("R-A14-EVAL", problem.GetProperty("rule").GetString());

        var noReason = await officer.PostAsJsonAsync($"/monitoring/reports/{second.Id}/evaluation",
            new { grade = "pass", overrides = new[] { new { check = AnnualChecks.SmesRising, holds = true, reason = "" } } }, Ct);
        Assert.Equal("overrides[0].reason", (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var accepted = await officer.PostAsJsonAsync($"/monitoring/reports/{second.Id}/evaluation", new
        {
            grade = "excellent",
            comments = "带动企业数量持平，但带动质量显著提升",
            overrides = new[] { new { check = AnnualChecks.SmesRising, holds = true, reason = "两家中小企业合并，实际带动范围扩大" } },
            acceptedSelfRaisedEligibleInvestment = 7_000_000_00L,
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var stored = (await app.Report(applicationId, 2))!;
        var smes = stored.Checks.Single(c => c.Code == AnnualChecks.SmesRising);
        Assert.Equal(CheckOutcome.Failed, smes.Computed);
        Assert.True(smes.OverriddenTo);
        Assert.Equal("两家中小企业合并，实际带动范围扩大", smes.OverrideReason);
        var message = (await app.Messages("AnnualEvaluationCompleted", applicationId)).Single(m => m.GetProperty("constructionYear").GetInt32() == 2);
        Assert.True(message.GetProperty("passed").GetBoolean());
        Assert.Equal("excellent", message.GetProperty("grade").GetString());
        Assert.Equal(7_000_000_00L, message.GetProperty("acceptedSelfRaisedEligibleInvestmentFen").GetInt64());
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task A_fail_is_announced_as_not_passed_and_only_the_monitoring_officer_evaluates()
    {
        var applicationId = Guid.NewGuid();
        var report = await Submitted(applicationId, 1, 2045, Indicators());
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new { grade = "fail" }, Ct)).StatusCode);
        using var officer = app.ClientFor(Roles.MonitoringOfficer);

        var bad = await officer.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new { grade = "good" }, Ct);
        Assert.Equal("grade", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        (await officer.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new { grade = "fail", comments = "未设定年度均值，研发强度无法核实" }, Ct))
            .EnsureSuccessStatusCode();
        var message = await app.Delivered("AnnualEvaluationCompleted", applicationId);
        Assert.False(message.GetProperty("passed").GetBoolean());
        Assert.Equal("fail", message.GetProperty("grade").GetString());
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task An_open_report_cannot_be_evaluated_409_with_its_status()
    {
        var report = await app.Open(Window(Guid.NewGuid(), 1, 2046, FarDue));
        using var officer = app.ClientFor(Roles.MonitoringOfficer);

        var response = await officer.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new { grade = "fail" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Open", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
