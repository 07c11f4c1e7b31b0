using System.Net;
using System.Net.Http.Json;
using Zgc.Review.Features;
using Zgc.Review.Features.Meetings;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Tests.Features;

/// <summary>A deferral onto a meeting already scheduled (R-A13-MEETING). Its own host: deferral looks for the next meeting among all meetings.</summary>
public sealed class MeetingDeferralTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_deferral_goes_straight_onto_an_already_scheduled_later_meeting()
    {
        var id = await app.SupportedCase();
        var first = await app.ScheduleMeeting(ReviewApp.Today.AddDays(-40), id);
        var later = await app.ScheduleMeeting(ReviewApp.Today.AddDays(30));
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var deferred = await officer.PostAsJsonAsync($"/review/meetings/{first.Id}/decisions", MeetingTests.Decision(id, "defer", "需进一步论证"), Ct);

        Assert.Equal(HttpStatusCode.OK, deferred.StatusCode);
        var agenda = (await officer.GetFromJsonAsync<MeetingView>($"/review/meetings/{later.Id}", Ct))!.Agenda;
        Assert.Equal(first.Id, Assert.Single(agenda).CarriedFromMeetingId);
        Assert.Equal(later.Id, (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct))!.AgendaMeetingId);
        Assert.True(await MeetingTests.Outbox(app, "PlatformDeferred", id, later.Id.ToString()));

        // The later meeting is in the future: its decisions cannot be recorded yet.
        var tooEarly = await officer.PostAsJsonAsync($"/review/meetings/{later.Id}/decisions", MeetingTests.Decision(id, "approve"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("Supported", (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{id}", Ct))!.Stage);
    }
}
