using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Zgc.Review.Features;
using Zgc.Review.Features.Experts;
using Zgc.Review.Features.Panels;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Review.Tests.Persistence;

/// <summary>
/// Review on the real PostgreSQL (migrations applied on start): list columns are arrays there and JSON on SQLite, so
/// the pool, panels, scores and meetings are walked once on each.
/// </summary>
public sealed class PostgresTests
{
    private const string Prefix = "zgc_review_";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-EXPERT"), Trait("Req", "R-A13-MEETING")]
    public async Task On_PostgreSQL_a_case_goes_from_panel_to_deferral_to_approval()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new PostgresReviewApp(database);
            var integrated = ReviewApp.Uscc(5_000_001);
            var conflicted = await app.AddExperts(3, employerUscc: integrated);
            var opened = await app.OpenAndWait(ReviewApp.NewCase(integrated: [integrated], subArea: "ai"));
            await app.AddExperts(5, subArea: "ai");

            var panel = await app.FormPanel(opened.ApplicationId, seed: 99);
            Assert.Equal("sub-area", panel.PoolTier);
            Assert.DoesNotContain(panel.Members, m => conflicted.Contains(m.ExpertUserId));
            foreach (var member in panel.Members)
            {
                Assert.Equal(HttpStatusCode.OK, (await app.DeclareAndScore(panel.Id, member.ExpertUserId, 75.5m)).StatusCode);
            }

            var closed = await app.Panel(panel.Id);
            Assert.Equal(75.50m, closed.Result!.TrimmedMean);
            Assert.Equal(12.5m, closed.Weights["funding"]);
            using var officer = app.ClientFor(Roles.CommitteeOfficer);
            var expert = (await officer.GetFromJsonAsync<List<ExpertView>>("/review/experts?field=next-generation-it", Ct))!;
            Assert.Equal(8, expert.Count);
            Assert.True((await officer.GetFromJsonAsync<PanelEndpoints.DrawAudit>($"/review/panels/{panel.Id}/draw", Ct))!.Matches);

            var first = await app.ScheduleMeeting(ReviewApp.Today.AddDays(-7), opened.ApplicationId);
            var deferred = await officer.PostAsJsonAsync($"/review/meetings/{first.Id}/decisions",
                new { applicationId = opened.ApplicationId, outcome = "defer", reason = "补充材料", minutesReference = "纪要1" }, Ct);
            Assert.Equal(HttpStatusCode.OK, deferred.StatusCode);
            var next = await app.ScheduleMeeting(ReviewApp.Today);
            Assert.Equal(first.Id, Assert.Single(next.Agenda).CarriedFromMeetingId);
            var approved = await officer.PostAsJsonAsync($"/review/cases/{opened.ApplicationId}/meeting-decision",
                new { approve = true, especiallyMajor = false, minutesReference = "纪要2" }, Ct);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            Assert.Equal("Approved", (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{opened.ApplicationId}", Ct))!.Stage);
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

    private sealed class PostgresReviewApp(string database) : ReviewApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Review"] = RealInfrastructure.PostgresDatabase(database),
        };
    }
}
