using System.Net;
using System.Net.Http.Json;
using Zgc.Review.Features;
using Zgc.Review.Features.Meetings;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Review.Tests.Features;

/// <summary>A deferred case waits for the next meeting scheduled after (R-A13-MEETING). Its own host: deferral looks for the next meeting among all meetings.</summary>
public sealed class MeetingCarryOverTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_deferred_case_is_carried_to_the_next_meeting_scheduled_later()
    {
        var id = await app.SupportedCase();
        var first = await app.ScheduleMeeting(ReviewApp.Today.AddDays(-20), id);
        Assert.Equal([id], first.Agenda.Select(i => i.ApplicationId));
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var noReason = await officer.PostAsJsonAsync($"/review/meetings/{first.Id}/decisions", MeetingTests.Decision(id, "defer"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var deferred = await officer.PostAsJsonAsync($"/review/meetings/{first.Id}/decisions", MeetingTests.Decision(id, "defer", "待补充材料"), Ct);
        Assert.Equal(HttpStatusCode.OK, deferred.StatusCode);
        Assert.Equal("Deferred", (await deferred.Content.ReadFromJsonAsync<MeetingView>(Ct))!.Agenda.Single().Outcome);
        Assert.True(await MeetingTests.Outbox(app, "PlatformDeferred", id, "待补充材料"));
        var waiting = (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct))!;
        Assert.Equal("Supported", waiting.Stage);
        Assert.Null(waiting.AgendaMeetingId);

        var earlier = await app.ScheduleMeeting(ReviewApp.Today.AddDays(-25));
        Assert.Empty(earlier.Agenda);
        var next = await app.ScheduleMeeting(ReviewApp.Today.AddDays(-10));

        var carried = Assert.Single(next.Agenda);
        Assert.Equal(id, carried.ApplicationId);
        Assert.Equal(first.Id, carried.CarriedFromMeetingId);
        Assert.Equal("Pending", carried.Outcome);

        var approved = await officer.PostAsJsonAsync($"/review/meetings/{next.Id}/decisions",
            MeetingTests.Decision(id, "approve", major: true, municipal: "京办发〔2026〕3号", minutes: "纪要〔2026〕12号"), Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct))!;
        Assert.Equal("Approved", decided.Stage);
        Assert.True(decided.EspeciallyMajor);
        Assert.Equal("京办发〔2026〕3号", decided.MunicipalDecisionReference);
        Assert.Equal(next.Id, decided.DecidedAtMeetingId);
        Assert.Equal("committee-officer-test-user", decided.DecidedBy);
        await Eventually.True(() => MeetingTests.Outbox(app, "PlatformApproved", id, "京办发〔2026〕3号"), "PlatformApproved with the municipal decision");
        var agendas = (await officer.GetFromJsonAsync<List<MeetingView>>("/review/meetings", Ct))!;
        Assert.Equal("Approved", agendas.Single(m => m.Id == next.Id).Agenda.Single().Outcome);
        Assert.Equal("Deferred", agendas.Single(m => m.Id == first.Id).Agenda.Single().Outcome);
    }
}
