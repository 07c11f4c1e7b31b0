using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Features.Applications;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Features;

public sealed class ApplicationEndpointsTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_without_a_token_is_401_and_as_an_expert_403()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct)).StatusCode);
        using var expert = app.ClientFor(Roles.Expert);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-APPLY")]
    public async Task An_application_needs_a_registered_unit()
    {
        using var applicant = app.Applicant(IntakeApp.NewUnit());
        var response = await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("unit", problem.GetProperty("field").GetString());
    }

    [Fact, Trait("Req", "R-A13-APPLY"), Trait("Req", "R-A15-TRUTH")]
    public async Task A_submitted_application_keeps_its_version_and_commitment_and_ApplicationSubmitted_leaves_through_the_outbox()
    {
        var view = await app.Submit();

        Assert.Equal("Submitted", view.Status);
        Assert.Equal(1, view.CurrentVersion);
        Assert.True(view.Eligible);
        Assert.Equal(IntakeApp.UnitUscc, view.UnitUscc);
        Assert.Equal(55_000_000_00L, view.TotalInvestmentFen);
        Assert.Equal(45_000_000_00L, view.SupportBaseFen);
        var version = await app.InDb<IntakeDbContext, Zgc.Intake.Domain.ApplicationVersion>(db =>
            db.ApplicationVersions.SingleAsync(v => v.ApplicationId == view.Id, Ct));
        Assert.Equal(IntakePayloads.CommitmentVersion, version.CommitmentVersion);
        Assert.Equal(Roles.Applicant + "-test-user", version.SubmittedBy);
        Assert.Equal(view.SubmittedAt, version.SubmittedAt);
        await Eventually.True(() => app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationSubmitted") && m.Body.Contains(view.Id.ToString()) && m.DeliveredAt != null, Ct)), "ApplicationSubmitted delivered");
        var body = await app.InDb<IntakeDbContext, string>(db => db.OutboxMessages
            .Where(m => m.MessageType.Contains("ApplicationSubmitted") && m.Body.Contains(view.Id.ToString())).Select(m => m.Body).SingleAsync(Ct));
        using var document = JsonDocument.Parse(body);
        var message = document.RootElement.GetProperty("message");
        Assert.Equal(1, message.GetProperty("version").GetInt32());
        Assert.Equal("leading-enterprise", message.GetProperty("leadUnitType").GetString());
        Assert.Equal("integrated-circuits", message.GetProperty("subArea").GetString());
        Assert.Equal(45_000_000_00L, message.GetProperty("supportBaseFen").GetInt64());
        Assert.Equal(30, message.GetProperty("integratedEnterpriseUsccs").GetArrayLength());
    }

    [Fact, Trait("Req", "R-A15-TRUTH")]
    public async Task Submitting_without_the_commitment_is_a_400()
    {
        var id = await app.CreateDraft();
        using var applicant = app.Applicant();
        var response = await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", new { commitmentAccepted = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("R-A15-TRUTH", problem.GetProperty("rule").GetString());
    }

    [Fact, Trait("Req", "R-A13-APPLY")]
    public async Task Submitting_an_incomplete_draft_is_a_400_naming_each_missing_field()
    {
        var draft = IntakePayloads.Application();
        draft.Remove("necessity");
        draft.Remove("schedule");
        var id = await app.CreateDraft(application: draft);
        using var applicant = app.Applicant();

        var response = await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var fields = problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).ToList();
        Assert.Equal(["necessity", "schedule"], fields);
        Assert.True(problem.GetProperty("errors").TryGetProperty("necessity", out _));
        Assert.Equal("Draft", (await applicant.GetFromJsonAsync<ApplicationView>($"/intake/applications/{id}", Ct))!.Status);
    }

    [Fact, Trait("Req", "R-A4-FIELDS")]
    public async Task An_unknown_industry_field_is_a_400_naming_the_field_and_the_rule()
    {
        var body = IntakePayloads.Application();
        body["industryField"] = "space-mining";
        await app.CreateDraft();
        using var applicant = app.Applicant();
        var response = await applicant.PostAsJsonAsync("/intake/applications", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("industryField", problem.GetProperty("field").GetString());
        Assert.Equal("R-A4-FIELDS", problem.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var applicant = app.Applicant();
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await applicant.PostAsync("/intake/applications", content, Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_units_applicant_cannot_see_or_change_the_application()
    {
        var view = await app.Submit();
        using var other = app.Applicant(IntakePayloads.OtherUnit);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/intake/applications/{view.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/intake/applications/{view.Id}", IntakePayloads.Application(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/intake/applications/{view.Id}/submit", IntakePayloads.Submit(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/intake/applications/{view.Id}/versions", Ct)).StatusCode);

        using var own = app.Applicant();
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/intake/applications/{view.Id}", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_draft_is_not_shown_to_the_sub_park()
    {
        var id = await app.CreateDraft();
        using var officer = app.Officer();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/intake/applications/{id}", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A7-INVEST")]
    public async Task An_ineligible_application_is_stored_with_bilingual_reasons_and_resubmitted_after_correction()
    {
        var body = IntakePayloads.Application();
        body["funding"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["category"] = "personnel", ["amountFen"] = 4_999_999_999L });
        var id = await app.CreateDraft(application: body);
        using var applicant = app.Applicant();

        var first = await (await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct))
            .Content.ReadFromJsonAsync<ApplicationView>(Ct);
        Assert.Equal("Ineligible", first!.Status);
        var failed = Assert.Single(first.Screening!, r => !r.Passed);
        Assert.Equal("R-A7-INVEST", failed.Rule);
        Assert.Contains("5000万元", failed.ReasonZh, StringComparison.Ordinal);
        Assert.Equal(9, first.Screening!.Count);
        Assert.False(await app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationSubmitted") && m.Body.Contains(id.ToString()), Ct)));

        var kept = await applicant.GetFromJsonAsync<ApplicationView>($"/intake/applications/{id}", Ct);
        Assert.Equal("集成电路协同创新平台", kept!.Draft!.PlatformName);
        Assert.Equal(30, kept.Draft.IntegratedEnterprises!.Count);

        body["funding"] = IntakePayloads.Application()["funding"]!.DeepClone();
        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"/intake/applications/{id}", body, Ct)).StatusCode);
        var second = await (await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct))
            .Content.ReadFromJsonAsync<ApplicationView>(Ct);
        Assert.Equal("Submitted", second!.Status);
        Assert.Equal(2, second.CurrentVersion);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task The_sub_park_accepts_reviews_and_recommends_and_ApplicationRecommended_carries_ranking_and_totals()
    {
        var view = await app.Submit();
        using var officer = app.Officer();

        await IntakeWalk.Recommend(officer, view.Id, ranking: 3, comment: "择优推荐", Ct);

        var recommended = await officer.GetFromJsonAsync<ApplicationView>($"/intake/applications/{view.Id}", Ct);
        Assert.Equal("Recommended", recommended!.Status);
        Assert.Equal(3, recommended.Ranking);
        Assert.Null(recommended.Draft);
        await Eventually.True(() => app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationRecommended") && m.Body.Contains(view.Id.ToString()) && m.DeliveredAt != null, Ct)), "ApplicationRecommended delivered");
        var body = await app.InDb<IntakeDbContext, string>(db => db.OutboxMessages
            .Where(m => m.MessageType.Contains("ApplicationRecommended") && m.Body.Contains(view.Id.ToString())).Select(m => m.Body).SingleAsync(Ct));
        using var document = JsonDocument.Parse(body);
        var message = document.RootElement.GetProperty("message");
        Assert.Equal(3, message.GetProperty("ranking").GetInt32());
        Assert.Equal(1, message.GetProperty("version").GetInt32());
        Assert.Equal(55_000_000_00L, message.GetProperty("totalInvestmentFen").GetInt64());
        Assert.Equal(45_000_000_00L, message.GetProperty("supportBaseFen").GetInt64());
        Assert.Equal("integrated-circuits", message.GetProperty("subArea").GetString());
        Assert.Equal(30, message.GetProperty("integratedEnterpriseUsccs").GetArrayLength());
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_transition_not_allowed_is_a_409_with_the_current_status()
    {
        var view = await app.Submit();
        using var officer = app.Officer();

        var response = await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/recommend", new { ranking = 1, comment = "x" }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Submitted", problem.GetProperty("currentStatus").GetString());
        Assert.Equal("status", problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detailZh").GetString()));
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task Two_officers_accepting_at_once_succeed_once_and_the_other_gets_a_409()
    {
        var view = await app.Submit();
        using var first = app.Officer();
        using var second = app.Officer();

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"/intake/applications/{view.Id}/accept", new { }, Ct),
            second.PostAsJsonAsync($"/intake/applications/{view.Id}/accept", new { }, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var accepted = await first.GetFromJsonAsync<ApplicationView>($"/intake/applications/{view.Id}", Ct);
        Assert.Single(accepted!.History, h => h.Action == "accepted");
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task Only_officers_of_the_applications_sub_park_may_act()
    {
        var view = await app.Submit();
        using var otherPark = app.Officer("chaoyang");
        Assert.Equal(HttpStatusCode.NotFound, (await otherPark.PostAsJsonAsync($"/intake/applications/{view.Id}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPark.GetAsync($"/intake/applications/{view.Id}", Ct)).StatusCode);

        using var applicant = app.Applicant();
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/intake/applications/{view.Id}/accept", new { }, Ct)).StatusCode);
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PostAsJsonAsync($"/intake/applications/{view.Id}/reject", new { reasons = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/intake/applications/{view.Id}", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK"), Trait("Req", "R-A13-APPLY")]
    public async Task Returned_for_correction_then_resubmitted_as_version_2_with_a_diff()
    {
        var view = await app.Submit();
        using var officer = app.Officer();
        using var applicant = app.Applicant();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/return", new { reasons = "请补充建设必要性" }, Ct)).StatusCode);
        await Eventually.True(() => app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationReturned") && m.Body.Contains(view.Id.ToString()), Ct)), "ApplicationReturned stored");

        var returned = await applicant.GetFromJsonAsync<ApplicationView>($"/intake/applications/{view.Id}", Ct);
        Assert.Equal("Returned", returned!.Status);
        Assert.Equal("请补充建设必要性", returned.DecisionReasons);

        var corrected = IntakePayloads.Application();
        corrected["necessity"] = "补充后的建设必要性";
        corrected["team"]!["fullTimeStaff"] = 15;
        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"/intake/applications/{view.Id}", corrected, Ct)).StatusCode);
        var resubmitted = await (await applicant.PostAsJsonAsync($"/intake/applications/{view.Id}/submit", IntakePayloads.Submit(), Ct))
            .Content.ReadFromJsonAsync<ApplicationView>(Ct);
        Assert.Equal(2, resubmitted!.CurrentVersion);
        Assert.Equal("Submitted", resubmitted.Status);

        var versions = await officer.GetFromJsonAsync<JsonElement>($"/intake/applications/{view.Id}/versions", Ct);
        Assert.Equal(2, versions.GetArrayLength());
        var v1 = await officer.GetFromJsonAsync<JsonElement>($"/intake/applications/{view.Id}/versions/1", Ct);
        Assert.Equal(12, v1.GetProperty("content").GetProperty("team").GetProperty("fullTimeStaff").GetInt32());

        var diff = await officer.GetFromJsonAsync<JsonElement>($"/intake/applications/{view.Id}/versions/diff", Ct);
        Assert.Equal(1, diff.GetProperty("from").GetInt32());
        var changes = diff.GetProperty("differences").EnumerateArray()
            .ToDictionary(d => d.GetProperty("path").GetString()!, d => (d.GetProperty("before").GetString(), d.GetProperty("after").GetString()));
        Assert.Equal(2, changes.Count);
        Assert.Equal(("12", "15"), changes["content.team.fullTimeStaff"]);
        Assert.True(changes.ContainsKey("content.necessity"));
        await Eventually.True(async () => await app.InDb<IntakeDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ApplicationSubmitted") && m.Body.Contains(view.Id.ToString()), Ct)) == 2, "two submissions");
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task Rejected_with_reasons_publishes_ApplicationRejected_and_ends_the_application()
    {
        var view = await app.Submit();
        using var officer = app.Officer();
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/reject", new { reasons = "" }, Ct)).StatusCode);
        var rejected = await officer.PostAsJsonAsync($"/intake/applications/{view.Id}/reject", new { reasons = "不符合分园产业定位" }, Ct);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        await Eventually.True(() => app.InDb<IntakeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ApplicationRejected") && m.Body.Contains(view.Id.ToString()), Ct)), "ApplicationRejected stored");

        using var applicant = app.Applicant();
        var resubmit = await applicant.PostAsJsonAsync($"/intake/applications/{view.Id}/submit", IntakePayloads.Submit(), Ct);
        Assert.Equal(HttpStatusCode.Conflict, resubmit.StatusCode);
        Assert.Equal("Rejected", (await resubmit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("currentStatus").GetString());
    }

    [Fact]
    public async Task Operators_list_pending_timers_and_applicants_may_not()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/intake/timers", Ct)).StatusCode);
        using var applicant = app.Applicant();
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
