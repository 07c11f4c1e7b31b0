using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Eligibility;
using Zgc.SharedKernel;

namespace Zgc.Intake.Tests.Domain;

public class ApplicationLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SubPark Haidian = SubPark.Parse("haidian");

    private static Application Draft() => Application.Create(Guid.NewGuid(), "91110108MA01ABCD1E", "Unit", Samples.Content(), "applicant", Now);

    private static ApplicationVersion Submit(Application application) =>
        application.Submit("Unit", Samples.Unit(), EligibilityScreening.Evaluate(application.Draft, Samples.Unit(), Samples.Today), [],
            TruthfulnessCommitment.CurrentVersion, "applicant", Now);

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void Accept_then_review_then_recommend_with_ranking_and_comment()
    {
        var application = Draft();
        Submit(application);
        application.Accept(Haidian, "officer", Now);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
        application.RecordPreliminaryReview(Haidian, "officer", "符合条件", Now);
        application.Recommend(Haidian, "officer", 2, "团队实力强", Now);

        Assert.Equal(ApplicationStatus.Recommended, application.Status);
        Assert.Equal(2, application.Ranking);
        Assert.Equal("团队实力强", application.RecommendationOpinion);
        Assert.Equal(["created", "submitted", "accepted", "preliminary-review", "recommended"], application.History.Select(h => h.Action));
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void Recommending_before_the_preliminary_review_is_a_conflict_naming_the_current_status()
    {
        var application = Draft();
        Submit(application);
        var error = Assert.Throws<StatusConflictException>(() => application.Recommend(Haidian, "officer", 1, "x", Now));
        Assert.Equal(ApplicationStatus.Submitted, error.CurrentStatus);
        Assert.Equal(RuleViolationException.ConflictStatus, error.StatusCode);
        Assert.Contains("Submitted", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("已提交", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void Another_sub_park_cannot_act_on_it()
    {
        var application = Draft();
        Submit(application);
        var error = Assert.Throws<RuleViolationException>(() => application.Accept(SubPark.Parse("chaoyang"), "officer", Now));
        Assert.Equal("R-A13-SUBPARK", error.Rule);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void Return_and_reject_need_reasons_and_a_ranking_is_positive()
    {
        var application = Draft();
        Submit(application);
        Assert.Equal("reasons", Assert.Throws<RuleViolationException>(() => application.Return(Haidian, "officer", " ", Now)).Field);
        Assert.Equal("reasons", Assert.Throws<RuleViolationException>(() => application.Reject(Haidian, "officer", null, Now)).Field);
        application.Accept(Haidian, "officer", Now);
        application.RecordPreliminaryReview(Haidian, "officer", "ok", Now);
        Assert.Equal("ranking", Assert.Throws<RuleViolationException>(() => application.Recommend(Haidian, "officer", 0, "x", Now)).Field);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK"), Trait("Req", "R-A13-APPLY")]
    public void A_returned_application_is_corrected_and_resubmitted_as_a_new_version_leaving_the_first_unchanged()
    {
        var application = Draft();
        var first = Submit(application);
        application.Accept(Haidian, "officer", Now);
        application.Return(Haidian, "officer", "请补充财务数据", Now);
        Assert.Equal(ApplicationStatus.Returned, application.Status);

        application.UpdateDraft(application.Draft with { Necessity = "补充后的必要性" }, "applicant", Now);
        var second = Submit(application);

        Assert.Equal(2, second.Number);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Null(application.AcceptedBy);
        Assert.Equal("必要性", first.Content.Necessity);
        Assert.Equal("补充后的必要性", second.Content.Necessity);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void A_rejected_application_is_final()
    {
        var application = Draft();
        Submit(application);
        application.Reject(Haidian, "officer", "不符合分园产业定位", Now);
        Assert.Throws<StatusConflictException>(() => application.UpdateDraft(application.Draft, "applicant", Now));
        Assert.Throws<StatusConflictException>(() => Submit(application));
        Assert.Throws<StatusConflictException>(() => application.Accept(Haidian, "officer", Now));
    }

    [Fact, Trait("Req", "R-A7-INVEST")]
    public void An_ineligible_submission_is_kept_with_its_reasons_and_can_be_corrected()
    {
        var application = Application.Create(Guid.NewGuid(), "91110108MA01ABCD1E", "Unit",
            Samples.Content() with { Funding = [new Zgc.Intake.Domain.Content.FundingLine("personnel", 100)] }, "applicant", Now);
        var version = Submit(application);

        Assert.False(version.Eligible);
        Assert.Equal(ApplicationStatus.Ineligible, application.Status);
        Assert.Contains(version.Screening, r => r.Rule == "R-A7-INVEST" && !r.Passed);

        application.UpdateDraft(Samples.Content(), "applicant", Now);
        Assert.True(Submit(application).Eligible);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact, Trait("Req", "R-A13-APPLY")]
    public void A_submitted_application_cannot_be_changed_until_returned()
    {
        var application = Draft();
        Submit(application);
        var error = Assert.Throws<StatusConflictException>(() => application.UpdateDraft(Samples.Content(), "applicant", Now));
        Assert.Equal(ApplicationStatus.Submitted, error.CurrentStatus);
    }
}
