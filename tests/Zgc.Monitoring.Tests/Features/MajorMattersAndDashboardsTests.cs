using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Features;

/// <summary>R-A14-MAJOR major matters, and the dashboards' indicator history and attainment across platforms.</summary>
public sealed class MajorMattersAndDashboardsTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static readonly DateOnly FarDue = new(2099, 3, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-MAJOR")]
    public async Task The_unit_reports_a_change_of_principal_and_its_acknowledgement_updates_the_platform()
    {
        var applicationId = Guid.NewGuid();
        await app.Open(Window(applicationId, 1, 2025, FarDue));
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);
        using var other = app.ClientFor(Roles.Applicant, unit: OtherUnit);
        var matter = new
        {
            kind = "ChangeOfPrincipal", title = "平台主要负责人变更", details = "原负责人张三调任，由李四接任", occurredOn = "2026-04-01",
            newPrincipal = "李四", attachments = "任命文件〔2026〕3号.pdf",
        };

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/major-matters", matter, Ct)).StatusCode);
        var missing = await unit.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/major-matters", new { matter.kind, matter.title, matter.details, matter.occurredOn }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("newPrincipal", problem.GetProperty("field").GetString());
        Assert.Equal("R-A14-MAJOR", problem.GetProperty("rule").GetString());

        var reported = await unit.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/major-matters", matter, Ct);
        Assert.Equal(HttpStatusCode.Created, reported.StatusCode);
        var id = (await reported.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/monitoring/major-matters/{id}/acknowledge", new { }, Ct)).StatusCode);
        (await officer.PostAsJsonAsync($"/monitoring/major-matters/{id}/acknowledge", new { comment = "已备案" }, Ct)).EnsureSuccessStatusCode();
        var twice = await officer.PostAsJsonAsync($"/monitoring/major-matters/{id}/acknowledge", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var platform = await unit.GetFromJsonAsync<JsonElement>($"/monitoring/platforms/{applicationId}", Ct);
        Assert.Equal("李四", platform.GetProperty("principal").GetString());
        var history = (await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/history", Ct))!
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["ReportWindowOpened", "MajorMatterReported", "MajorMatterAcknowledged", "PrincipalChanged"], history);
        var matters = await unit.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/major-matters", Ct);
        Assert.Equal("Acknowledged", Assert.Single(matters!).GetProperty("status").GetString());
    }

    [Fact]
    public void On_SQL_Server_the_ranking_and_the_backfill_are_one_query_each_on_the_stored_column()
    {
        // No SQL Server here: the translation is checked, as the Testcontainers suite would run it where Docker exists.
        using var db = new SqlServerMonitoringDesignFactory().CreateDbContext([]);
        var ranking = Zgc.Monitoring.Features.Dashboards.Dashboards.Lowest(db.AnnualReports, 20).ToQueryString();
        Assert.Contains("[a].[AverageTargetAttainmentBasisPoints] IS NOT NULL", ranking, StringComparison.Ordinal);
        Assert.Contains("ORDER BY [a].[AverageTargetAttainmentBasisPoints], [a].[ApplicationId], [a].[ConstructionYear]", ranking, StringComparison.Ordinal);
        var backfill = AttainmentBackfill.Missing(db, Guid.NewGuid()).ToQueryString();
        Assert.Contains("[a].[AverageTargetAttainmentBasisPoints] IS NULL", backfill, StringComparison.Ordinal);
        Assert.Contains("[a].[Indicators] IS NOT NULL", backfill, StringComparison.Ordinal);
        Assert.Contains("[a].[Id] > @", backfill, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task The_ranking_reads_the_stored_average_which_start_up_fills_for_reports_saved_before_it_was_kept()
    {
        var applicationId = Guid.NewGuid();
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);
        var report = await app.Open(Window(applicationId, 2, 2062, FarDue));
        (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).EnsureSuccessStatusCode();
        (await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(8_000, await app.InDb<MonitoringDbContext, long?>(db =>
            db.AnnualReports.Where(r => r.Id == report.Id).Select(r => r.AverageTargetAttainmentBasisPoints).SingleAsync(Ct)));

        // As a report saved before the column existed: its document has targets, the column is empty.
        await app.InDb<MonitoringDbContext, int>(db => db.AnnualReports.Where(r => r.Id == report.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.AverageTargetAttainmentBasisPoints, (long?)null), Ct));
        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        async Task<bool> Ranked() => (await officer.GetFromJsonAsync<List<JsonElement>>("/monitoring/attainment?year=2&lowest=500", Ct))!
            .Any(r => r.GetProperty("applicationId").GetGuid() == applicationId);
        Assert.False(await Ranked()); // the database ranks by the column alone

        Assert.True(await app.InDb<MonitoringDbContext, int>(db => AttainmentBackfill.Run(db, Ct)) >= 1);
        Assert.True(await Ranked());
        var row = Assert.Single((await officer.GetFromJsonAsync<List<JsonElement>>("/monitoring/attainment?year=2&lowest=500", Ct))!,
            r => r.GetProperty("applicationId").GetGuid() == applicationId);
        Assert.Equal(8_000, row.GetProperty("averageTargetAttainmentBasisPoints").GetInt64());
        Assert.Equal(0, await app.InDb<MonitoringDbContext, int>(db => AttainmentBackfill.Run(db, Ct))); // nothing left to fill
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task Indicator_history_per_platform_and_attainment_across_platforms()
    {
        var applicationId = Guid.NewGuid();
        using var unit = app.ClientFor(Roles.Applicant, unit: Unit);
        foreach (var (year, served) in new[] { (1, 20), (2, 40) })
        {
            var report = await app.Open(Window(applicationId, year, 2050 + year, FarDue));
            (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(served: served), Ct)).EnsureSuccessStatusCode();
            (await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        }

        var open = await app.Open(Window(applicationId, 3, 2053, FarDue));

        var years = await unit.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/indicators", Ct);
        Assert.Equal([1, 2], years!.Select(y => y.GetProperty("constructionYear").GetInt32()));
        Assert.Equal([20, 40], years!.Select(y => y.GetProperty("enterprisesServed").GetInt32()));
        Assert.Equal(650, years![0].GetProperty("rdIntensityBasisPoints").GetInt64());

        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        var attainment = await officer.GetFromJsonAsync<List<JsonElement>>("/monitoring/attainment?year=2", Ct);
        var row = Assert.Single(attainment!, r => r.GetProperty("applicationId").GetGuid() == applicationId);
        Assert.Equal(8_000, row.GetProperty("averageTargetAttainmentBasisPoints").GetInt64()); // (60 % + 100 %) / 2
        Assert.Equal("Submitted", row.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/monitoring/attainment", Ct)).StatusCode);

        // For a dashboard: only the reported years furthest behind their targets, lowest first.
        var lowest = (await officer.GetFromJsonAsync<List<JsonElement>>("/monitoring/attainment?year=2&lowest=500", Ct))!;
        var averages = lowest.Select(r => r.GetProperty("averageTargetAttainmentBasisPoints").GetInt64()).ToList();
        Assert.Equal(averages.Order(), averages);
        Assert.Contains(lowest, r => r.GetProperty("applicationId").GetGuid() == applicationId);
        Assert.Single((await officer.GetFromJsonAsync<List<JsonElement>>("/monitoring/attainment?year=2&lowest=1", Ct))!);
        var refused = await officer.GetAsync("/monitoring/attainment?lowest=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("lowest", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var platforms = await unit.GetFromJsonAsync<List<JsonElement>>("/monitoring/platforms", Ct);
        Assert.All(platforms!, p => Assert.Equal(Unit, p.GetProperty("unitUscc").GetString()));

        // Operators read the platforms a page at a time, by name, with the total.
        using var all = await officer.GetAsync("/monitoring/platforms", Ct);
        var total = int.Parse(all.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var names = (await all.Content.ReadFromJsonAsync<List<JsonElement>>(Ct))!;
        Assert.Equal(total, names.Count);
        Assert.True(total >= 1);
        var firstOfOne = await officer.GetFromJsonAsync<List<JsonElement>>("/monitoring/platforms?pageSize=1", Ct);
        Assert.Equal(names[0].GetProperty("applicationId").GetGuid(), Assert.Single(firstOfOne!).GetProperty("applicationId").GetGuid());
        var beyond = await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms?pageSize=1&page={total + 1}", Ct);
        Assert.Empty(beyond!);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/monitoring/platforms?pageSize=501", Ct)).StatusCode);
        Assert.Equal("Open", (await officer.GetFromJsonAsync<JsonElement>($"/monitoring/reports/{open.Id}", Ct)).GetProperty("status").GetString());
    }
}
