using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Standalone.Tests.EndToEnd;

/// <summary>Every stage where the policy lets an application be turned down ends the lifecycle in Rejected with that stage and the reason.</summary>
public sealed class RejectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task The_sub_park_rejects_the_application_and_the_lifecycle_records_the_stage_and_reason()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var id = await drive.Submit(IntakePayloads.DefaultUnit);

        await drive.SubParkDecides(id, "reject", "不属于本园区重点支持方向");

        var rejected = await drive.WaitForState(id, "Rejected");
        Assert.Equal("SubParkReview", rejected.GetProperty("progress").GetProperty("rejectedAtStage").GetString());
        Assert.Contains("不属于本园区重点支持方向", rejected.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);
        Assert.Equal([("Initial", "SubParkReview"), ("SubParkReview", "Rejected")], LifecycleDriver.Transitions(rejected));
        // Nothing further is commanded: no review case is opened.
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"/review/cases/{id}", Ct)).StatusCode);
    }

    /// <summary>
    /// R-A13-EXPERT / R-A13-MEETING: the experts' opinion is "do not support". Review keeps such a case off every meeting's
    /// agenda (only a supported case is put to the meeting), so the opinion itself must end the application.
    /// </summary>
    [Fact, Trait("Req", "R-A13-EXPERT"), Trait("Req", "R-A13-MEETING")]
    public async Task An_application_the_expert_panel_does_not_support_ends_Rejected_at_expert_review()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var id = await drive.Submit(IntakePayloads.DefaultUnit);
        await drive.Recommend(id);
        await drive.WaitForState(id, "ExpertReview");

        await drive.ExpertPanel(id, support: false);

        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var reviewCase = await Eventually.Get(async () => await committee.GetFromJsonAsync<JsonElement>($"/review/cases/{id}", Ct),
            c => c.GetProperty("stage").GetString() == "NotSupported", "the review case not supported");
        Assert.Equal("NotSupported", reviewCase.GetProperty("stage").GetString());
        var rejected = await drive.WaitForState(id, "Rejected", TimeSpan.FromSeconds(15));
        Assert.Equal("ExpertReview", rejected.GetProperty("progress").GetProperty("rejectedAtStage").GetString());
        Assert.False(rejected.GetProperty("progress").GetProperty("expertSupported").GetBoolean());
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task The_director_office_meeting_rejects_a_supported_application_with_its_reason()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var id = await drive.ToAwaitingMeeting(IntakePayloads.DefaultUnit);

        await drive.Decide(await drive.Meeting(id), id, "reject", "与已布局平台方向重复");

        var rejected = await drive.WaitForState(id, "Rejected");
        Assert.Equal("AwaitingMeeting", rejected.GetProperty("progress").GetProperty("rejectedAtStage").GetString());
        Assert.Contains("与已布局平台方向重复", rejected.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("AwaitingMeeting", LifecycleDriver.Transitions(rejected)[^1].From);
        using var anonymous = app.ClientFor(null);
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>($"/notice/notices?applicationId={id}", Ct)).GetArrayLength());
    }

    /// <summary>R-A13-NOTICE: an upheld objection fails the notice; the platform is not included and no agreement is drafted.</summary>
    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task An_upheld_objection_fails_the_notice_and_nothing_is_funded()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var id = await drive.ToInNotice(IntakePayloads.DefaultUnit);
        var notice = await drive.Notice(id);
        var noticeId = notice.GetProperty("id").GetGuid();

        var objection = await drive.RaiseObjection(noticeId, "该单位申报的建设投资中设备采购合同系伪造，实际并未发生。");
        await drive.DecideObjection(noticeId, objection, upheld: true, finding: "经核查，设备采购合同不实，异议成立。");
        await drive.PastNoticeEnd(notice);

        var failed = await drive.WaitForState(id, "NoticeFailed");
        Assert.Contains("ObjectionUpheld", failed.GetProperty("outcomeReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(("InNotice", "NoticeFailed"), LifecycleDriver.Transitions(failed)[^1]);
        using var anonymous = app.ClientFor(null);
        var closed = await anonymous.GetFromJsonAsync<JsonElement>($"/notice/notices/{noticeId}", Ct);
        Assert.Equal("Failed", closed.GetProperty("status").GetString());
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var agreements = await committee.GetFromJsonAsync<JsonElement>("/funding/agreements", Ct);
        Assert.DoesNotContain(agreements.EnumerateArray(), a => a.GetProperty("applicationId").GetGuid() == id);
    }
}
