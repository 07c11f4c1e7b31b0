using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Features;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Features;

public sealed class ApplicationEndpointsTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submitting_without_a_token_is_401()
    {
        using var anonymous = app.ClientFor(null);
        var response = await anonymous.PostAsJsonAsync("/intake/applications", IntakeApp.ValidApplication(), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submitting_as_an_expert_is_403()
    {
        using var expert = app.ClientFor(Roles.Expert);
        var response = await expert.PostAsJsonAsync("/intake/applications", IntakeApp.ValidApplication(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact, Trait("Req", "R-A13-APPLY")]
    public async Task A_submitted_application_is_stored_and_ApplicationSubmitted_leaves_through_the_outbox()
    {
        var view = await app.Submit();

        Assert.Equal("Submitted", view.Status);
        Assert.Equal(IntakeApp.UnitUscc, view.UnitUscc);
        await Eventually.True(() => app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationSubmitted") && m.DeliveredAt != null, Ct)), "ApplicationSubmitted delivered");
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public async Task An_unknown_industry_field_is_a_400_naming_the_field_and_the_rule()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakeApp.UnitUscc);
        var response = await applicant.PostAsJsonAsync("/intake/applications", new
        {
            unitName = "U",
            platformName = "P",
            industryField = "space-mining",
            subPark = "haidian",
            totalInvestmentFen = 1,
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("industryField", problem.GetProperty("field").GetString());
        Assert.Equal("R-A4-FIELDS", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakeApp.UnitUscc);
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await applicant.PostAsync("/intake/applications", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_units_applicant_cannot_see_the_application()
    {
        var view = await app.Submit();
        using var other = app.ClientFor(Roles.Applicant, unit: "91110000000000000X");
        var response = await other.GetAsync($"/intake/applications/{view.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using var own = app.ClientFor(Roles.Applicant, unit: IntakeApp.UnitUscc);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/intake/applications/{view.Id}", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task The_sub_park_officer_recommends_and_ApplicationRecommended_is_published()
    {
        var view = await app.Submit();
        using var officer = app.ClientFor(Roles.SubParkOfficer, subPark: "haidian");

        var response = await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/recommend", new { opinion = "推荐" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recommended = await response.Content.ReadFromJsonAsync<ApplicationView>(Ct);
        Assert.Equal("Recommended", recommended!.Status);
        await Eventually.True(() => app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationRecommended") && m.DeliveredAt != null, Ct)), "ApplicationRecommended delivered");

        var again = await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/recommend", new { opinion = "again" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task An_officer_of_another_sub_park_cannot_recommend_it()
    {
        var view = await app.Submit();
        using var officer = app.ClientFor(Roles.SubParkOfficer, subPark: "chaoyang");
        var response = await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/recommend", new { opinion = "x" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Recommending_as_an_applicant_is_403()
    {
        var view = await app.Submit();
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakeApp.UnitUscc);
        var response = await applicant.PostAsJsonAsync($"/intake/applications/{view.Id}/recommend", new { opinion = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Operators_list_pending_timers_and_applicants_may_not()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/intake/timers", Ct)).StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakeApp.UnitUscc);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/intake/timers", Ct)).StatusCode);
    }

    [Fact]
    public async Task Health_and_openapi_answer_without_a_token()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }
}
