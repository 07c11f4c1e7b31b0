using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Standalone.Tests.EndToEnd;

/// <summary>The paths that loop back: a return for correction and its resubmission, a deferral to the next meeting.</summary>
public sealed class ReturnAndDeferralTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-SUBPARK"), Trait("Req", "R-A13-APPLY")]
    public async Task A_returned_application_is_corrected_resubmitted_and_then_recommended()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var id = await drive.Submit(unit);

        await drive.SubParkDecides(id, "return", "缺少近三年财务审计报告，请补充后重新提交");
        var returned = await drive.WaitForState(id, "ReturnedForCorrection");
        Assert.Contains("缺少近三年财务审计报告", returned.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);

        var corrected = IntakePayloads.Application(LifecycleDriver.SubPark);
        corrected["basicInformation"] = "单位成立于2010年，主营集成电路设计服务；已补充2023—2025年财务审计报告。";
        Assert.Equal("Submitted", await drive.CorrectAndResubmit(id, unit, corrected));
        var resubmitted = await drive.WaitForState(id, "SubParkReview");
        Assert.Equal(2, resubmitted.GetProperty("progress").GetProperty("applicationVersion").GetInt32());
        Assert.Equal(1, resubmitted.GetProperty("progress").GetProperty("returns").GetInt32());
        Assert.Equal(JsonValueKind.Null, resubmitted.GetProperty("outcomeReason").ValueKind);

        await drive.Recommend(id);
        var recommended = await drive.WaitForState(id, "ExpertReview");
        Assert.Equal(
            [("Initial", "SubParkReview"), ("SubParkReview", "ReturnedForCorrection"), ("ReturnedForCorrection", "SubParkReview"), ("SubParkReview", "ExpertReview")],
            LifecycleDriver.Transitions(recommended));
        using var applicant = app.ClientFor(Roles.Applicant, unit: unit);
        var versions = await applicant.GetFromJsonAsync<JsonElement>($"/intake/applications/{id}/versions", Ct);
        Assert.Equal(2, versions.GetArrayLength());
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_deferred_case_waits_for_the_next_meeting_which_approves_it()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var id = await drive.ToAwaitingMeeting(IntakePayloads.DefaultUnit);

        await drive.Decide(await drive.Meeting(id, "2026年第1次主任办公会"), id, "defer", "请补充产业链上下游合作协议后再议");
        var deferred = await drive.WaitForProgress(id, p => p.GetProperty("meetingDeferrals").GetInt32() == 1, "the deferral on the lifecycle");
        Assert.Equal("AwaitingMeeting", deferred.GetProperty("currentState").GetString());
        Assert.Contains("请补充产业链上下游合作协议后再议", deferred.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);

        // A week later the next meeting takes the deferred case up first (carried over, not named again) and approves it.
        await app.Advance(TimeSpan.FromDays(7));
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var today = Zgc.SharedKernel.BeijingTime.DateOf(await app.Now());
        var scheduled = await committee.PostAsJsonAsync("/review/meetings", new { date = today, title = "2026年第2次主任办公会", applicationIds = Array.Empty<Guid>() }, Ct);
        await LifecycleDriver.Ensure(scheduled);
        var next = await scheduled.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(next.GetProperty("agenda").EnumerateArray(), i => i.GetProperty("applicationId").GetGuid() == id);
        await drive.Decide(next.GetProperty("id").GetGuid(), id, "approve");

        var inNotice = await drive.WaitForState(id, "InNotice");
        Assert.Equal(1, inNotice.GetProperty("progress").GetProperty("meetingDeferrals").GetInt32());
        Assert.Equal(
            [("Initial", "SubParkReview"), ("SubParkReview", "ExpertReview"), ("ExpertReview", "AwaitingMeeting"), ("AwaitingMeeting", "AwaitingNotice"),
                ("AwaitingNotice", "InNotice")],
            LifecycleDriver.Transitions(inNotice).Where(t => t.From != t.To));
    }
}
