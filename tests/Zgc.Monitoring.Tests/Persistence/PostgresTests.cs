using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Persistence;

/// <summary>The monitoring service on the real PostgreSQL (migrations applied on start): the JSON documents of a report round-trip.</summary>
public sealed class PostgresTests
{
    private const string Prefix = "zgc_monitoring_";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task On_PostgreSQL_a_report_is_drafted_submitted_and_evaluated_with_its_checks_kept()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new PostgresMonitoringApp(database);
            var applicationId = Guid.NewGuid();
            var report = await app.Open(Window(applicationId, 1, 2025, new DateOnly(2099, 3, 31)));
            using var unit = app.ClientFor(Roles.Applicant, unit: Unit);
            (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).EnsureSuccessStatusCode();
            (await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
            using var officer = app.ClientFor(Roles.MonitoringOfficer);
            (await officer.PostAsJsonAsync($"/monitoring/reports/{report.Id}/evaluation", new
            {
                grade = "pass",
                overrides = new[] { new { check = AnnualChecks.RdAtLeastAverage, holds = true, reason = "年度均值尚未公布" } },
            }, Ct)).EnsureSuccessStatusCode();

            var stored = await app.InDb<MonitoringDbContext, AnnualReport>(db => db.AnnualReports.AsNoTracking().SingleAsync(r => r.Id == report.Id, Ct));
            Assert.Equal(AnnualReportStatus.Evaluated, stored.Status);
            Assert.Equal(3, stored.Indicators!.Investments.Count);
            Assert.Equal(7_500_000_00L, stored.Indicators.SelfRaisedEligibleInvestment.Fen);
            Assert.Equal("年度均值尚未公布", stored.Checks.Single(c => c.Code == AnnualChecks.RdAtLeastAverage).OverrideReason);
            var listed = await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports?applicationId={applicationId}&pageSize=10", Ct);
            Assert.Equal("高精尖协同创新平台（示例）", Assert.Single(listed!).GetProperty("platformName").GetString());
            var summary = Assert.Single((await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/reports?applicationId={applicationId}&view=summary", Ct))!);
            Assert.Equal("Pass", summary.GetProperty("grade").GetString());
            Assert.Equal("高精尖协同创新平台（示例）", summary.GetProperty("platformName").GetString());
            Assert.False(summary.TryGetProperty("indicators", out _));
            var years = await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/indicators", Ct);
            Assert.Equal("Pass", Assert.Single(years!).GetProperty("grade").GetString());
        }
        finally
        {
            await PostgresDatabases.DropAll(database);
        }
    }

    private static async Task SkipUnlessPostgres()
    {
        try
        {
            await using var connection = new NpgsqlConnection(RealInfrastructure.Postgres + ";Database=postgres;Timeout=3");
            await connection.OpenAsync(Ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Assert.Skip($"PostgreSQL is not reachable ({e.Message}); deploy/infra/ensure-postgres.sh starts it.");
        }
    }

    private sealed class PostgresMonitoringApp(string database) : ServiceAppFactory<Program>, IMonitoringHost
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Monitoring"] = RealInfrastructure.PostgresDatabase(database),
        };
    }
}
