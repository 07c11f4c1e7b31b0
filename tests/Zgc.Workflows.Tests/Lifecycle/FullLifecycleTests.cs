using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Intake.Contracts;
using Zgc.Monitoring.Contracts;
using Zgc.Notice.Contracts;
using Zgc.Review.Contracts;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Lifecycle;

/// <summary>The lifecycle's other paths: returns and resubmission, rejections by stage, deferral, the construction years, fraud.</summary>
public sealed class FullLifecycleTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private Task<PlatformLifecycle> Instance(Guid id) =>
        app.InDb<WorkflowsDbContext, PlatformLifecycle>(db => db.Instances.AsNoTracking().SingleAsync(i => i.CorrelationId == id, Ct));

    private Task<bool> Commanded(string messageType, Guid id)
    {
        var idText = id.ToString();
        return app.InDb<WorkflowsDbContext, bool>(db => db.OutboxMessages.AnyAsync(m => m.MessageType.Contains(messageType) && m.Body.Contains(idText), Ct));
    }

    private async Task<Guid> Submitted(DateTimeOffset? submittedAt = null)
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id) with { SubmittedAt = submittedAt ?? Now }, Ct);
        await app.WaitForState(id, "SubParkReview");
        return id;
    }

    private async Task<Guid> AwaitingMeeting(bool supported = true, DateTimeOffset? submittedAt = null)
    {
        var id = await Submitted(submittedAt);
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", "推荐", Now, Ranking: 1, UnitUscc: "91110108MA01ABCD1X",
            IntegratedEnterpriseUsccs: ["91110000100000000X"]), Ct);
        await app.WaitForState(id, "ExpertReview");
        await app.Bus.Publish(new ExpertReviewCompleted(id, Guid.NewGuid(), supported, 82.5m, 4, 5, 5, Now), Ct);
        await app.WaitForState(id, "AwaitingMeeting");
        return id;
    }

    private async Task<Guid> UnderConstruction(DateTimeOffset? submittedAt = null)
    {
        var id = await AwaitingMeeting(submittedAt: submittedAt);
        await app.Bus.Publish(new PlatformApproved(id, false, "committee", Now), Ct);
        await app.WaitForState(id, "AwaitingNotice");
        var noticeId = Guid.NewGuid();
        await app.Bus.Publish(new NoticePublished(noticeId, id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6),
            new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)), Now), Ct);
        await app.WaitForState(id, "InNotice");
        await app.Bus.Publish(new NoticePassed(noticeId, id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), "无异议", Now), Ct);
        await app.WaitForState(id, "Included");
        Assert.True(await Commanded("PrepareAgreement", id), "funding is asked to prepare the agreement");
        await app.Bus.Publish(new AgreementSigned(id, Guid.NewGuid(), new DateOnly(2026, 4, 1), new DateOnly(2029, 3, 31), 300_000_000, false, Now), Ct);
        await app.WaitForState(id, "UnderConstruction");
        Assert.True(await Commanded("OpenAnnualReport", id), "monitoring is asked to open the year-1 report");
        return id;
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_returned_application_waits_for_correction_and_its_resubmission_goes_back_to_the_sub_park()
    {
        var id = await Submitted();

        await app.Bus.Publish(new ApplicationReturned(id, "haidian", 1, "缺少财务审计报告", "officer", Now), Ct);
        await app.WaitForState(id, "ReturnedForCorrection");
        Assert.Contains("缺少财务审计报告", (await Instance(id)).OutcomeReason, StringComparison.Ordinal);

        await app.Bus.Publish(WorkflowsApp.Submitted(id) with { Version = 2 }, Ct);
        await app.WaitForState(id, "SubParkReview");
        var instance = await Instance(id);
        Assert.Equal(2, instance.ApplicationVersion);
        Assert.Equal(1, instance.Returns);
        Assert.Null(instance.OutcomeReason);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_sub_park_rejection_ends_the_lifecycle_and_records_the_stage()
    {
        var id = await Submitted();

        await app.Bus.Publish(new ApplicationRejected(id, "haidian", 1, "不属于重点支持领域", "officer", Now), Ct);

        await app.WaitForState(id, "Rejected");
        var instance = await Instance(id);
        Assert.Equal("SubParkReview", instance.RejectedAtStage);
        Assert.Contains("不属于重点支持领域", instance.OutcomeReason, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task The_recommendation_commands_review_with_what_conflict_checks_need_and_the_panel_result_is_recorded()
    {
        var id = await AwaitingMeeting();

        Assert.True(await Commanded("OpenReviewCase", id));
        var idText = id.ToString();
        Assert.True(await app.InDb<WorkflowsDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("OpenReviewCase") && m.Body.Contains(idText) && m.Body.Contains("91110000100000000X"), Ct)));
        var instance = await Instance(id);
        Assert.True(instance.ExpertSupported);
        Assert.Equal(82.5m, instance.ExpertTrimmedMean);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_deferred_case_stays_awaiting_the_meeting_until_a_later_meeting_approves_it()
    {
        var id = await AwaitingMeeting();

        await app.Bus.Publish(new PlatformDeferred(id, Guid.NewGuid(), "补充材料后再议", "committee", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).MeetingDeferrals == 1, "the deferral recorded");
        Assert.Equal("AwaitingMeeting", (await Instance(id)).CurrentState);

        await app.Bus.Publish(new PlatformApproved(id, true, "committee", Now), Ct);
        await app.WaitForState(id, "AwaitingNotice");
        Assert.True((await Instance(id)).EspeciallyMajor);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_meeting_rejection_after_the_panel_records_the_stage()
    {
        var id = await AwaitingMeeting();

        await app.Bus.Publish(new PlatformRejected(id, "主任办公会不同意", "committee", Now), Ct);

        await app.WaitForState(id, "Rejected");
        Assert.Equal("AwaitingMeeting", (await Instance(id)).RejectedAtStage);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task A_case_the_expert_panel_does_not_support_ends_rejected_at_expert_review()
    {
        var id = await Submitted();
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", "推荐", Now, Ranking: 1), Ct);
        await app.WaitForState(id, "ExpertReview");

        await app.Bus.Publish(new ExpertReviewCompleted(id, Guid.NewGuid(), false, 61.5m, 1, 5, 5, Now), Ct);

        await app.WaitForState(id, "Rejected");
        var instance = await Instance(id);
        Assert.Equal("ExpertReview", instance.RejectedAtStage);
        Assert.Contains("61.5", instance.OutcomeReason, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A14-EVAL"), Trait("Req", "R-A10-Y23"), Trait("Req", "R-A13-AGREEMENT")]
    public async Task Three_construction_years_end_in_Completed_and_a_failed_evaluation_leaves_the_next_year_unfunded()
    {
        var id = await UnderConstruction();
        var year1 = await Instance(id);
        Assert.Equal(1, year1.ConstructionYear);
        Assert.True(year1.CurrentYearFunded);

        await app.Bus.Publish(new DisbursementPaid(id, year1.AgreementId!.Value, Guid.NewGuid(), 2026, 1, 300_000_000, new DateOnly(2026, 5, 1), "BANK-1", "approver", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).PaidFen == 300_000_000, "the payment recorded");

        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 1, true, 500_000_000, null, "monitoring", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).ConstructionYear == 2, "year 2");
        Assert.True((await Instance(id)).CurrentYearFunded);
        var step = await app.InDb<WorkflowsDbContext, LifecycleTransition>(db => db.Transitions.AsNoTracking()
            .SingleAsync(t => t.InstanceId == id && t.Event == "Evaluated" && t.FromState == "UnderConstruction" && t.ToState == "UnderConstruction", Ct));
        Assert.Equal("monitoring", step.Actor);
        Assert.Contains("construction year 2", step.Reason, StringComparison.Ordinal);

        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 2, false, 0, "进度滞后", "monitoring", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).ConstructionYear == 3, "year 3");
        var year3 = await Instance(id);
        Assert.False(year3.CurrentYearFunded);
        Assert.Contains("no support for year 3", year3.OutcomeReason, StringComparison.Ordinal);

        // A repeated year-2 evaluation changes nothing.
        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 2, true, 0, null, "monitoring", Now), Ct);
        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 3, true, 0, null, "monitoring", Now), Ct);
        await app.WaitForState(id, "Completed");
        Assert.Equal(3, (await Instance(id)).LastEvaluatedYear);
    }

    [Fact, Trait("Req", "R-A10-Y23"), Trait("Req", "R-A14-ANNUAL")]
    public async Task An_instance_keeps_the_policy_version_in_force_when_it_was_submitted_and_follows_its_figures()
    {
        var today = await UnderConstruction();
        Assert.Equal(Zgc.SharedKernel.Policy.ProgrammePolicy.TrialMeasures2019.Version, (await Instance(today)).PolicyVersion);

        // Under the 2090 version: two construction years, reports due ten days after the year; funding gets the version.
        var id = await UnderConstruction(WorkflowsApp.FuturePolicyDay);
        Assert.Equal(WorkflowsApp.FuturePolicy, (await Instance(id)).PolicyVersion);
        var idText = id.ToString();
        var prepare = await app.InDb<WorkflowsDbContext, string>(db => db.OutboxMessages
            .Where(m => m.MessageType.Contains("PrepareAgreement") && m.Body.Contains(idText)).Select(m => m.Body).SingleAsync(Ct));
        Assert.Contains(WorkflowsApp.FuturePolicy, prepare, StringComparison.Ordinal);
        var publish = await app.InDb<WorkflowsDbContext, string>(db => db.OutboxMessages
            .Where(m => m.MessageType.Contains("PublishNotice") && m.Body.Contains(idText)).Select(m => m.Body).SingleAsync(Ct));
        Assert.Contains("\"workingDays\":7", string.Concat(publish.Where(ch => !char.IsWhiteSpace(ch))), StringComparison.Ordinal);
        var report = await app.InDb<WorkflowsDbContext, string>(db => db.OutboxMessages
            .Where(m => m.MessageType.Contains("OpenAnnualReport") && m.Body.Contains(idText)).Select(m => m.Body).SingleAsync(Ct));
        Assert.Contains("2027-04-10", report, StringComparison.Ordinal); // year 1 ends 2027-03-31; due 10 days later

        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 1, true, 500_000_000, null, "monitoring", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).ConstructionYear == 2, "year 2");
        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 2, true, 500_000_000, null, "monitoring", Now), Ct);
        await app.WaitForState(id, "Completed");
        Assert.Equal(2, (await Instance(id)).LastEvaluatedYear);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task Each_construction_year_opens_its_annual_report_window_due_a_month_after_the_year_ends()
    {
        var id = await UnderConstruction();
        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 1, true, 500_000_000, null, "monitoring", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).ConstructionYear == 2, "year 2");

        var idText = id.ToString();
        var bodies = await app.InDb<WorkflowsDbContext, List<string>>(db => db.OutboxMessages
            .Where(m => m.MessageType.Contains("OpenAnnualReport") && m.Body.Contains(idText)).Select(m => m.Body).ToListAsync(Ct));
        bodies = bodies.Select(b => string.Concat(b.Where(ch => !char.IsWhiteSpace(ch)))).ToList();
        // Agreement signed for 2026-04-01: year 1 is 2026-04-01..2027-03-31, due 30 days later; year 2 follows.
        Assert.Contains(bodies, b => b.Contains("\"constructionYear\":1", StringComparison.Ordinal) && b.Contains("2027-03-31", StringComparison.Ordinal)
            && b.Contains("2027-04-30", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("\"constructionYear\":2", StringComparison.Ordinal) && b.Contains("2027-04-01", StringComparison.Ordinal)
            && b.Contains("2028-04-30", StringComparison.Ordinal));
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task An_exit_ordered_by_the_committee_ends_the_construction()
    {
        var id = await UnderConstruction();

        await app.Bus.Publish(new PlatformExited(id, "整改逾期未完成", "中关村管委会决定〔2027〕3号", "monitoring", Now), Ct);

        await app.WaitForState(id, "Exited");
        Assert.Contains("整改逾期未完成", (await Instance(id)).OutcomeReason, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public async Task Fraud_revokes_the_platform_from_any_active_state()
    {
        var id = await UnderConstruction();
        await app.Bus.Publish(new AnnualEvaluationCompleted(id, 1, true, 500_000_000, null, "monitoring", Now), Ct);
        await Zgc.Testing.Eventually.True(async () => (await Instance(id)).ConstructionYear == 2, "year 2");

        await app.Bus.Publish(new FraudConfirmed(id, "91110108MA01ABCD1X", "北京示例科技有限公司", "虚报投资", "京科发〔2027〕1号", "committee", Now), Ct);

        await app.WaitForState(id, "Revoked");
        Assert.Contains("京科发〔2027〕1号", (await Instance(id)).OutcomeReason, StringComparison.Ordinal);

        var early = await Submitted();
        await app.Bus.Publish(new FraudConfirmed(early, "91110108MA01ABCD1X", "北京示例科技有限公司", "材料造假", "ref", "committee", Now), Ct);
        await app.WaitForState(early, "Revoked");
    }
}
