using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Features;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Tests.Features;

/// <summary>The director office meeting: agenda, decisions, deferral to the next meeting (R-A13-MEETING, R-A10-MAJOR).</summary>
public sealed class MeetingTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> Problem(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    internal static object Decision(Guid id, string outcome, string? reason = null, bool major = false, string? municipal = null, string? minutes = "纪要〔2026〕9号") =>
        new { applicationId = id, outcome, minutesReference = minutes, reason, especiallyMajor = major, municipalDecisionReference = municipal };

    internal static Task<bool> Outbox(ReviewApp app, string type, Guid id, string? contains = null)
    {
        var idText = id.ToString();
        return app.InDb<ReviewDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains(type) && m.Body.Contains(idText) && (contains == null || m.Body.Contains(contains)), Ct));
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_decision_on_a_case_not_on_the_meetings_agenda_is_409_and_changes_nothing()
    {
        var onAgenda = await app.SupportedCase();
        var elsewhere = await app.SupportedCase();
        var meeting = await app.ScheduleMeeting(ReviewApp.Today, onAgenda);
        var other = await app.ScheduleMeeting(ReviewApp.Today, elsewhere);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync($"/review/meetings/{meeting.Id}/decisions", Decision(elsewhere, "approve"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("R-A13-MEETING", (await Problem(response)).GetProperty("rule").GetString());
        var stored = (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{elsewhere}", Ct))!;
        Assert.Equal("Supported", stored.Stage);
        Assert.Equal(other.Id, stored.AgendaMeetingId);
        Assert.False(await Outbox(app, "PlatformApproved", elsewhere));

        var twice = await officer.PostAsJsonAsync($"/review/meetings/{other.Id}/agenda", new { applicationId = onAgenda }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public async Task Especially_major_needs_the_municipal_decision_reference_and_the_minutes_are_required()
    {
        var id = await app.SupportedCase();
        var meeting = await app.ScheduleMeeting(ReviewApp.Today, id);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var noMunicipal = await officer.PostAsJsonAsync($"/review/meetings/{meeting.Id}/decisions", Decision(id, "approve", major: true), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noMunicipal.StatusCode);
        Assert.Equal("municipalDecisionReference", (await Problem(noMunicipal)).GetProperty("field").GetString());
        var noMinutes = await officer.PostAsJsonAsync($"/review/meetings/{meeting.Id}/decisions", Decision(id, "approve", minutes: null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noMinutes.StatusCode);
        Assert.Equal("minutesReference", (await Problem(noMinutes)).GetProperty("field").GetString());
        var badOutcome = await officer.PostAsJsonAsync($"/review/meetings/{meeting.Id}/decisions", Decision(id, "maybe"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);

        Assert.Equal("Supported", (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct))!.Stage);
        Assert.False(await Outbox(app, "PlatformApproved", id));
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_rejection_publishes_PlatformRejected_with_the_minutes()
    {
        var id = await app.SupportedCase();
        var meeting = await app.ScheduleMeeting(ReviewApp.Today, id);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var response = await officer.PostAsJsonAsync($"/review/meetings/{meeting.Id}/decisions", Decision(id, "reject", "建设方案不够成熟", minutes: "纪要〔2026〕15号"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Outbox(app, "PlatformRejected", id, "纪要〔2026〕15号"));
        Assert.Equal("Rejected", (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct))!.Stage);
    }

    [Fact]
    public async Task A_meeting_needs_a_date_and_a_title_and_only_committee_officers_schedule()
    {
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var expert = app.ClientFor(Roles.Expert);

        var noDate = await officer.PostAsJsonAsync("/review/meetings", new { title = "会" }, Ct);
        Assert.Equal("date", (await Problem(noDate)).GetProperty("field").GetString());
        var noTitle = await officer.PostAsJsonAsync("/review/meetings", new { date = ReviewApp.Today }, Ct);
        Assert.Equal("title", (await Problem(noTitle)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.PostAsJsonAsync("/review/meetings", new { date = ReviewApp.Today, title = "会" }, Ct)).StatusCode);
        var unknown = await officer.PostAsJsonAsync("/review/meetings", new { date = ReviewApp.Today, title = "会", applicationIds = new[] { Guid.NewGuid() } }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
