using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Features;
using Zgc.ServiceDefaults;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Features;

/// <summary>R-A14-ANNUAL: the platform's unit drafts and submits its own report; nobody else's.</summary>
public sealed class AnnualReportEndpointsTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static readonly DateOnly FarDue = new(2099, 3, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task The_unit_drafts_and_submits_and_the_indicators_are_derived_exactly()
    {
        var applicationId = Guid.NewGuid();
        var report = await app.Open(Window(applicationId, 1, 2025, FarDue));
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);

        var drafted = await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(rdFen: 64_999_99), Ct);
        Assert.Equal(HttpStatusCode.OK, drafted.StatusCode);
        var view = await drafted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var indicators = view.GetProperty("indicators");
        Assert.Equal(649, indicators.GetProperty("rdIntensityBasisPoints").GetInt64()); // 6.4999999 % rounds down
        Assert.Equal(7_500_000_00L, indicators.GetProperty("selfRaisedEligibleInvestment").GetInt64()); // land left out
        Assert.Equal(6_000, indicators.GetProperty("targets")[0].GetProperty("attainmentBasisPoints").GetInt64());
        Assert.Equal("Open", view.GetProperty("status").GetString());

        var submitted = await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(AnnualReportStatus.Submitted, (await app.Report(applicationId, 1))!.Status);

        var again = await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Submitted", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).StatusCode);

        var mine = await unit.GetFromJsonAsync<List<JsonElement>>("/monitoring/reports", Ct);
        Assert.Contains(mine!, r => r.GetProperty("id").GetGuid() == report.Id);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task The_list_comes_a_page_at_a_time_earliest_due_first_with_the_total_and_each_platforms_name()
    {
        var applicationId = Guid.NewGuid();
        var dues = new[] { new DateOnly(2098, 3, 31), new DateOnly(2096, 3, 31), new DateOnly(2097, 3, 31) };
        for (var year = 1; year <= 3; year++)
        {
            await app.Open(Window(applicationId, year, 2094 + year, dues[year - 1]) with { PlatformName = "分页平台" });
        }

        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        using var first = await officer.GetAsync($"/monitoring/reports?applicationId={applicationId}&pageSize=2", Ct);
        Assert.Equal("3", first.Headers.GetValues("X-Total-Count").Single());
        var rows = (await first.Content.ReadFromJsonAsync<List<JsonElement>>(Ct))!;
        Assert.Equal([2, 3], rows.Select(r => r.GetProperty("constructionYear").GetInt32()));
        Assert.All(rows, r => Assert.Equal("分页平台", r.GetProperty("platformName").GetString()));
        var second = (await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports?applicationId={applicationId}&pageSize=2&page=2", Ct))!;
        Assert.Equal(1, Assert.Single(second).GetProperty("constructionYear").GetInt32());

        foreach (var (query, field) in new[] { ("pageSize=0", "pageSize"), ($"pageSize={ListPage.MaxSize + 1}", "pageSize"), ("page=0", "page") })
        {
            using var bad = await officer.GetAsync("/monitoring/reports?" + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(field, (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        }
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task A_summary_list_leaves_out_the_indicators_and_checks_and_keeps_the_rest()
    {
        var applicationId = Guid.NewGuid();
        var report = await app.Open(Window(applicationId, 1, 2025, FarDue) with { PlatformName = "摘要平台" });
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);
        (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).EnsureSuccessStatusCode();
        (await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).EnsureSuccessStatusCode();

        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        var full = Assert.Single((await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports?applicationId={applicationId}", Ct))!);
        using var answer = await officer.GetAsync($"/monitoring/reports?applicationId={applicationId}&view=summary&status=Submitted", Ct);
        Assert.Equal("1", answer.Headers.GetValues("X-Total-Count").Single());
        var summary = Assert.Single((await answer.Content.ReadFromJsonAsync<List<JsonElement>>(Ct))!);

        Assert.True(full.TryGetProperty("indicators", out _));
        Assert.True(full.TryGetProperty("checks", out _));
        Assert.False(summary.TryGetProperty("indicators", out _));
        Assert.False(summary.TryGetProperty("checks", out _));
        foreach (var field in new[] { "id", "applicationId", "unitUscc", "constructionYear", "periodStart", "periodEnd", "dueOn", "status", "openedAt", "submittedAt",
                     "submittedLate", "overdueAt", "grade", "evaluatedBy", "evaluatedAt", "platformName" })
        {
            Assert.Equal(full.GetProperty(field).ToString(), summary.GetProperty(field).ToString());
        }

        Assert.Equal("Submitted", summary.GetProperty("status").GetString());
        Assert.Equal("摘要平台", summary.GetProperty("platformName").GetString());
        var mine = Assert.Single((await unit.GetFromJsonAsync<List<JsonElement>>("/monitoring/reports?view=summary", Ct))!, r => r.GetProperty("id").GetGuid() == report.Id);
        Assert.False(mine.TryGetProperty("indicators", out _));

        Assert.Single((await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports?applicationId={applicationId}&view=Summary", Ct))!);
        using var bad = await officer.GetAsync("/monitoring/reports?view=everything", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("view", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task Another_unit_sees_nothing_and_cannot_write_404()
    {
        var report = await app.Open(Window(Guid.NewGuid(), 1, 2025, FarDue));
        using var other = app.ClientFor(Roles.Applicant, unit: OtherUnit);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monitoring/reports/{report.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).StatusCode);
        var theirs = await other.GetFromJsonAsync<List<JsonElement>>("/monitoring/reports", Ct);
        Assert.DoesNotContain(theirs!, r => r.GetProperty("id").GetGuid() == report.Id);

        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/monitoring/reports/{report.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task Bad_indicators_are_a_400_naming_the_field_and_the_rule()
    {
        var report = await app.Open(Window(Guid.NewGuid(), 1, 2025, FarDue));
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);

        var negative = await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(served: -1), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var problem = await negative.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("enterprisesServed", problem.GetProperty("field").GetString());
        Assert.Equal("R-A14-ANNUAL", problem.GetProperty("rule").GetString());

        var noTarget = await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft",
            Indicators(targets: [new { name = "发明专利", target = 0, achieved = 1 }]), Ct);
        Assert.Equal("targets[0].target", (await noTarget.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var missing = await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", new { rdExpenditure = 1, smesDriven = 1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("revenue", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var empty = await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("indicators", (await empty.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
    }
}
