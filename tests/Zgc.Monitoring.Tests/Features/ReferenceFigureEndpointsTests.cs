using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Monitoring.Features;
using Zgc.ServiceDefaults;

namespace Zgc.Monitoring.Tests.Features;

public sealed class ReferenceFigureEndpointsTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A8-RD")]
    public async Task The_admin_sets_a_figure_and_the_monitoring_officer_reads_it()
    {
        using var admin = app.ClientFor(Roles.Admin);

        var response = await admin.PutAsJsonAsync("/monitoring/reference-figures/2025", new { averageRdIntensityBasisPoints = 650 }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = await response.Content.ReadFromJsonAsync<ReferenceFigureView>(Ct);
        Assert.Equal(2025, set!.Year);
        Assert.Equal(650, set.AverageRdIntensityBasisPoints);
        Assert.Equal("admin-test-user", set.SetBy);

        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        var figures = await officer.GetFromJsonAsync<List<ReferenceFigureView>>("/monitoring/reference-figures", Ct);
        var figure = Assert.Single(figures!, f => f.Year == 2025);
        Assert.Equal(650, figure.AverageRdIntensityBasisPoints);
    }

    [Fact, Trait("Req", "R-A8-RD")]
    public async Task Setting_a_year_again_changes_its_figure()
    {
        using var admin = app.ClientFor(Roles.Admin);
        (await admin.PutAsJsonAsync("/monitoring/reference-figures/2024", new { averageRdIntensityBasisPoints = 600 }, Ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/monitoring/reference-figures/2024", new { averageRdIntensityBasisPoints = 612 }, Ct)).EnsureSuccessStatusCode();

        var figures = await admin.GetFromJsonAsync<List<ReferenceFigureView>>("/monitoring/reference-figures", Ct);
        Assert.Equal(612, Assert.Single(figures!, f => f.Year == 2024).AverageRdIntensityBasisPoints);
    }

    [Fact]
    public async Task Concurrent_first_settings_of_one_year_never_answer_500()
    {
        var admins = Enumerable.Range(0, 6).Select(_ => app.ClientFor(Roles.Admin)).ToList();

        var responses = await Task.WhenAll(admins.Select((admin, i) =>
            admin.PutAsJsonAsync("/monitoring/reference-figures/2040", new { averageRdIntensityBasisPoints = 600 + i }, Ct)));

        Assert.All(responses, r => Assert.NotEqual(HttpStatusCode.InternalServerError, r.StatusCode));
        foreach (var admin in admins)
        {
            admin.Dispose();
        }
    }

    [Fact]
    public async Task Setting_a_figure_as_the_monitoring_officer_is_403()
    {
        using var officer = app.ClientFor(Roles.MonitoringOfficer);
        var response = await officer.PutAsJsonAsync("/monitoring/reference-figures/2023", new { averageRdIntensityBasisPoints = 600 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Reference_figures_without_a_token_are_401_and_applicants_are_403()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/monitoring/reference-figures", Ct)).StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/monitoring/reference-figures", Ct)).StatusCode);
    }

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(10_001)]
    [InlineData(-1)]
    public async Task An_intensity_outside_0_to_10000_basis_points_is_a_400_naming_the_field(int basisPoints)
    {
        using var admin = app.ClientFor(Roles.Admin);

        var response = await admin.PutAsJsonAsync("/monitoring/reference-figures/2022", new { averageRdIntensityBasisPoints = basisPoints }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("averageRdIntensityBasisPoints", problem.GetProperty("field").GetString());
        Assert.Equal("R-A8-RD", problem.GetProperty("rule").GetString());
    }

    [Fact, Trait("Req", "R-A8-RD")]
    public async Task A_year_outside_2000_to_2100_is_a_400_naming_the_year()
    {
        using var admin = app.ClientFor(Roles.Admin);

        var response = await admin.PutAsJsonAsync("/monitoring/reference-figures/1999", new { averageRdIntensityBasisPoints = 500 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("year", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Operators_list_pending_timers_and_applicants_may_not()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/monitoring/timers", Ct)).StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/monitoring/timers", Ct)).StatusCode);
    }
}
