using Zgc.Review.Domain;
using Zgc.SharedKernel;

namespace Zgc.Review.Tests.Domain;

public class ReviewCaseTests
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Decided = Opened.AddDays(20);

    private static ReviewCase Open() => ReviewCase.Open(Guid.NewGuid(), "91110108MA01ABCD1X", "Unit", "Platform", "bio-health", "haidian", Opened);

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_new_case_is_under_review()
    {
        var reviewCase = Open();

        Assert.Equal(ReviewStage.UnderReview, reviewCase.Stage);
        Assert.Equal(Opened, reviewCase.OpenedAt);
        Assert.Null(reviewCase.DecidedAt);
        Assert.Null(reviewCase.DecidedBy);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public void The_meeting_approves()
    {
        var reviewCase = Open();

        reviewCase.RecordMeetingDecision(approve: true, especiallyMajor: false, reason: null, "officer", Decided);

        Assert.Equal(ReviewStage.Approved, reviewCase.Stage);
        Assert.False(reviewCase.EspeciallyMajor);
        Assert.Equal("officer", reviewCase.DecidedBy);
        Assert.Equal(Decided, reviewCase.DecidedAt);
    }

    [Fact, Trait("Req", "R-A13-MEETING"), Trait("Req", "R-A10-MAJOR")]
    public void An_approval_may_be_especially_major()
    {
        var reviewCase = Open();

        reviewCase.RecordMeetingDecision(approve: true, especiallyMajor: true, reason: null, "officer", Decided);

        Assert.Equal(ReviewStage.Approved, reviewCase.Stage);
        Assert.True(reviewCase.EspeciallyMajor);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public void The_meeting_rejects_with_its_reason()
    {
        var reviewCase = Open();

        reviewCase.RecordMeetingDecision(approve: false, especiallyMajor: false, reason: "  团队不足  ", "officer", Decided);

        Assert.Equal(ReviewStage.Rejected, reviewCase.Stage);
        Assert.Equal("团队不足", reviewCase.DecisionReason);
    }

    [Theory, Trait("Req", "R-A13-MEETING")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_reason(string? reason)
    {
        var reviewCase = Open();

        var error = Assert.Throws<RuleViolationException>(() =>
            reviewCase.RecordMeetingDecision(approve: false, especiallyMajor: false, reason, "officer", Decided));

        Assert.Equal("reason", error.Field);
        Assert.Equal("R-A13-MEETING", error.Rule);
        Assert.Equal(RuleViolationException.BadRequestStatus, error.StatusCode);
        Assert.Equal(ReviewStage.UnderReview, reviewCase.Stage);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void A_rejected_platform_cannot_be_especially_major()
    {
        var reviewCase = Open();

        var error = Assert.Throws<RuleViolationException>(() =>
            reviewCase.RecordMeetingDecision(approve: false, especiallyMajor: true, reason: "Not ready", "officer", Decided));

        Assert.Equal("R-A10-MAJOR", error.Rule);
        Assert.Equal("especiallyMajor", error.Field);
        Assert.Equal(ReviewStage.UnderReview, reviewCase.Stage);
        Assert.False(reviewCase.EspeciallyMajor);
    }

    [Theory, Trait("Req", "R-A13-MEETING")]
    [InlineData(true)]
    [InlineData(false)]
    public void A_case_is_decided_once(bool firstApproves)
    {
        var reviewCase = Open();
        reviewCase.RecordMeetingDecision(firstApproves, especiallyMajor: false, firstApproves ? null : "Reason", "officer", Decided);

        var error = Assert.Throws<RuleViolationException>(() =>
            reviewCase.RecordMeetingDecision(!firstApproves, especiallyMajor: false, "Changed our mind", "other", Decided.AddDays(1)));

        Assert.Equal(RuleViolationException.ConflictStatus, error.StatusCode);
        Assert.Equal(409, error.StatusCode);
        Assert.Equal("R-A13-MEETING", error.Rule);
        Assert.Equal(firstApproves ? ReviewStage.Approved : ReviewStage.Rejected, reviewCase.Stage);
        Assert.Equal("officer", reviewCase.DecidedBy);
        Assert.Equal(Decided, reviewCase.DecidedAt);
    }
}
