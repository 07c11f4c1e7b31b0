using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Standalone.Tests;

/// <summary>
/// The walking skeleton end to end, through the real bus and the real outboxes: submission at intake →
/// lifecycle → recommendation → review → meeting approval → notice published, all visible on the instance.
/// </summary>
public sealed class ThinFlowTests(StandaloneApp app) : IClassFixture<StandaloneApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-SERVICES"), Trait("Req", "R-A13-NOTICE")]
    public async Task An_application_walks_from_submission_to_a_published_notice()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        using var officer = app.ClientFor(Roles.SubParkOfficer, subPark: "haidian");
        using var committee = app.ClientFor(Roles.CommitteeOfficer);

        var id = await IntakeWalk.SubmitEligible(applicant, IntakePayloads.Application("haidian"), Ct);

        await WaitForState(committee, id, "SubParkReview");

        await IntakeWalk.Recommend(officer, id, ranking: 1, comment: "择优推荐", Ct);
        await WaitForState(committee, id, "ExpertReview");
        await Eventually.True(async () => (await committee.GetAsync($"/review/cases/{id}", Ct)).StatusCode == HttpStatusCode.OK, "the review case");

        await PassExpertReviewOntoTodaysAgenda(committee, id);
        // The committee decides on a case the panel has supported: the lifecycle has taken the panel's opinion first (the
        // opinion and the decision are separate messages, and one may overtake the other when both are in flight).
        await WaitForState(committee, id, "AwaitingMeeting");
        var decided = await committee.PostAsJsonAsync($"/review/cases/{id}/meeting-decision",
            new { approve = true, especiallyMajor = false, minutesReference = "主任办公会纪要〔2026〕1号" }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var instance = await WaitForState(committee, id, "InNotice");

        using var anonymous = app.ClientFor(null);
        var notices = await anonymous.GetFromJsonAsync<JsonElement>($"/notice/notices?applicationId={id}", Ct);
        var notice = Assert.Single(notices.EnumerateArray());
        var startsOn = DateOnly.Parse(notice.GetProperty("startsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var endsOn = DateOnly.Parse(notice.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(endsOn.DayNumber - startsOn.DayNumber >= 4, "at least five days from first to last");

        var transitions = instance.GetProperty("transitions").EnumerateArray()
            .Select(t => (t.GetProperty("from").GetString(), t.GetProperty("to").GetString())).ToList();
        Assert.Equal(
            [("Initial", "SubParkReview"), ("SubParkReview", "ExpertReview"), ("ExpertReview", "AwaitingMeeting"), ("AwaitingMeeting", "AwaitingNotice"),
                ("AwaitingNotice", "InNotice")],
            transitions);
        Assert.All(instance.GetProperty("transitions").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("event").GetString())));
        Assert.Equal(notice.GetProperty("id").GetGuid(), instance.GetProperty("noticeId").GetGuid());
    }

    [Fact]
    public async Task Readiness_checks_every_service_database_and_the_bus()
    {
        using var anonymous = app.ClientFor(null);
        var ready = await anonymous.GetFromJsonAsync<JsonElement>("/health/ready", Ct);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        foreach (var service in new[] { "intake", "review", "notice", "funding", "monitoring", "workflows" })
        {
            Assert.Contains($"{service}-db", checks);
        }

        Assert.Contains(checks, c => c!.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_lifecycle_list_needs_an_operator()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/workflows/instances", Ct)).StatusCode);
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/workflows/instances", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_seeded_user_gets_a_token_that_the_services_accept()
    {
        using var anonymous = app.ClientFor(null);
        var response = await anonymous.PostAsJsonAsync("/auth/token", new { userName = "committee", password = "zgc-dev-password" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workflows/instances", Ct)).StatusCode);
    }

    /// <summary>
    /// Review's steps (R-A13-EXPERT, R-A13-MEETING): five experts join the pool, the committee draws a panel, each expert
    /// declares no conflict and scores, and the supported case goes on the agenda of a meeting held today.
    /// </summary>
    private async Task PassExpertReviewOntoTodaysAgenda(HttpClient committee, Guid id)
    {
        var batch = Random.Shared.Next(1_000_000, 9_999_999);
        for (var i = 0; i < 5; i++)
        {
            var expert = new
            {
                userId = $"thin-expert-{batch}-{i}", name = $"专家{i}", employerName = "某大学", employerUscc = $"121000{batch}{i:D4}X", title = "教授",
                fields = new[] { "next-generation-it" },
            };
            Assert.Equal(HttpStatusCode.OK, (await committee.PostAsJsonAsync("/review/experts", expert, Ct)).StatusCode);
        }

        var formed = await committee.PostAsJsonAsync($"/review/cases/{id}/panel", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        var panel = await formed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var panelId = panel.GetProperty("id").GetGuid();
        foreach (var member in panel.GetProperty("members").EnumerateArray())
        {
            using var expert = app.ClientFor(Roles.Expert, user: member.GetProperty("expertUserId").GetString());
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct)).StatusCode);
            var score = new { significance = 85, foundation = 85, team = 85, innovation = 85, integration = 85, content = 85, targets = 85, funding = 85, support = true };
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/score", score, Ct)).StatusCode);
        }

        var today = Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System);
        var meeting = await committee.PostAsJsonAsync("/review/meetings", new { date = today, title = "主任办公会", applicationIds = new[] { id } }, Ct);
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
    }

    private static async Task<JsonElement> WaitForState(HttpClient operatorClient, Guid id, string state)
    {
        JsonElement last = default;
        await Eventually.True(async () =>
        {
            var response = await operatorClient.GetAsync($"/workflows/instances/{id}", Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            last = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return last.GetProperty("currentState").GetString() == state;
        }, $"instance {id} in {state}");
        return last;
    }
}
