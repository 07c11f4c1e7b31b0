using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Zgc.Intake.Features.Applications;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Persistence;

/// <summary>The intake service on the real PostgreSQL (migrations applied on start): JSON columns, filters, search, versions.</summary>
public sealed class PostgresTests
{
    private const string Prefix = "zgc_intake_";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-APPLY"), Trait("Req", "R-A13-SUBPARK")]
    public async Task On_PostgreSQL_an_application_is_submitted_queried_returned_resubmitted_and_recommended()
    {
        await SkipUnlessPostgres();
        var database = Prefix + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var app = new PostgresIntakeApp(database);
            var view = await app.Submit();
            using var applicant = app.Applicant();
            using var officer = app.Officer();

            var today = Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var found = await officer.GetFromJsonAsync<Page<ApplicationSummary>>(
                $"/intake/applications?status=Submitted&subPark=haidian&industryField=next-generation-it&submittedFrom={today}&submittedTo={today}&q=集成电路", Ct);
            Assert.Equal(view.Id, Assert.Single(found!.Items).Id);

            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/return", new { reasons = "补充材料" }, Ct)).StatusCode);
            var corrected = IntakePayloads.Application();
            corrected["necessity"] = "补充后的必要性";
            Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"/intake/applications/{view.Id}", corrected, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await applicant.PostAsJsonAsync($"/intake/applications/{view.Id}/submit", IntakePayloads.Submit(), Ct)).StatusCode);
            await IntakeWalk.Recommend(officer, view.Id, 1, "推荐", Ct);

            var diff = await officer.GetFromJsonAsync<JsonElement>($"/intake/applications/{view.Id}/versions/diff", Ct);
            Assert.Equal("content.necessity", Assert.Single(diff.GetProperty("differences").EnumerateArray().ToList()).GetProperty("path").GetString());
            var recommended = await officer.GetFromJsonAsync<ApplicationView>($"/intake/applications/{view.Id}", Ct);
            Assert.Equal("Recommended", recommended!.Status);
            Assert.Equal(9, recommended.Screening!.Count);
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

    private sealed class PostgresIntakeApp(string database) : IntakeApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Intake"] = RealInfrastructure.PostgresDatabase(database),
        };
    }
}
