using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Security.Tests;

/// <summary>Drives the standalone host to the states the scoping and segregation tests start from.</summary>
internal static class Flows
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Submits an application for the unit in <paramref name="subPark"/>, has Haidian's officer recommend it if it is theirs.</summary>
    public static async Task<Guid> Submitted(SecurityApp app, string unit, string subPark = "haidian")
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: unit);
        return await IntakeWalk.SubmitEligible(applicant, IntakePayloads.Application(subPark), Ct);
    }

    /// <summary>An application recommended by Haidian and opened as a review case; returns its id.</summary>
    public static async Task<Guid> UnderReview(SecurityApp app)
    {
        var id = await Submitted(app, IntakePayloads.DefaultUnit);
        using var officer = app.ClientFor(Roles.SubParkOfficer, subPark: "haidian");
        await IntakeWalk.Recommend(officer, id, 1, "择优推荐", Ct);
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        // Three hops through the outboxes (intake → workflows → review); a loaded CI machine gets a minute.
        await Eventually.True(async () => (await committee.GetAsync($"/review/cases/{id}", Ct)).StatusCode == HttpStatusCode.OK, "the review case",
            TimeSpan.FromSeconds(60));
        return id;
    }

    /// <summary>Five fresh experts join the pool and the committee draws the case's panel; returns the panel id and its members.</summary>
    public static async Task<(Guid PanelId, List<string> Members)> Panel(SecurityApp app, Guid applicationId)
    {
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var batch = Random.Shared.Next(1_000_000, 9_999_999);
        for (var i = 0; i < 5; i++)
        {
            var expert = new
            {
                userId = $"sec-expert-{batch}-{i}", name = $"专家{i}", employerName = "某大学", employerUscc = $"121000{batch}{i:D4}X", title = "教授",
                fields = new[] { "next-generation-it" },
            };
            Assert.Equal(HttpStatusCode.OK, (await committee.PostAsJsonAsync("/review/experts", expert, Ct)).StatusCode);
        }

        var formed = await committee.PostAsJsonAsync($"/review/cases/{applicationId}/panel", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        var panel = await formed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (panel.GetProperty("id").GetGuid(), [.. panel.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("expertUserId").GetString()!)]);
    }

    /// <summary>Every member declares and scores in support; the case is then on the agenda of a meeting held today.</summary>
    public static async Task ScoredOntoTodaysAgenda(SecurityApp app, Guid applicationId, Guid panelId, IEnumerable<string> members)
    {
        foreach (var member in members)
        {
            using var expert = app.ClientFor(Roles.Expert, user: member);
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct)).StatusCode);
            var score = new { significance = 85, foundation = 85, team = 85, innovation = 85, integration = 85, content = 85, targets = 85, funding = 85, support = true };
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panelId}/score", score, Ct)).StatusCode);
        }

        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var today = Zgc.SharedKernel.BeijingTime.Today(TimeProvider.System);
        var meeting = await committee.PostAsJsonAsync("/review/meetings", new { date = today, title = "主任办公会", applicationIds = new[] { applicationId } }, Ct);
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
    }

    /// <summary>Stores a notice straight in the notice database: a draft, or one published three days ago and still open.</summary>
    public static Task<Guid> Notice(SecurityApp app, bool published) => app.InDb<NoticeDbContext, Guid>(async db =>
    {
        var drafted = DateTimeOffset.UtcNow.AddDays(-3);
        var notice = PublicNotice.Draft(Guid.NewGuid(), Guid.NewGuid(), published ? "已公示平台" : "草稿平台", "某单位", null, null, null, "异议表单", drafted);
        if (published)
        {
            notice.Publish(drafted, new WorkingDayCalendar(CalendarStore.Shipped()), NoticePeriodPolicy.Default, "committee-officer-test-user");
        }

        db.Notices.Add(notice);
        await db.SaveChangesAsync(Ct);
        return notice.Id;
    });

    /// <summary>The rule a ProblemDetails names.</summary>
    public static async Task<string?> Rule(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).TryGetProperty("rule", out var rule) ? rule.GetString() : null;
}
