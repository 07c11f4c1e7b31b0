using Zgc.Review.Domain;
using Zgc.SharedKernel;

namespace Zgc.Review.Tests.Domain;

public class ReviewCaseTests
{
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Decided = Opened.AddDays(20);
    private static readonly Guid MeetingId = Guid.NewGuid();

    private static ReviewCase Open() => ReviewCase.Open(Guid.NewGuid(), "91110108MA01ABCD1X", "Unit", "Platform", "bio-health", "haidian", Opened);

    /// <summary>A case the panel supported, on <see cref="MeetingId"/>'s agenda.</summary>
    private static ReviewCase OnAgenda()
    {
        var reviewCase = Open();
        reviewCase.StartExpertReview();
        reviewCase.RecordExpertOpinion(supported: true);
        reviewCase.PlaceOnAgenda(MeetingId);
        return reviewCase;
    }

    private static void Decide(ReviewCase c, MeetingOutcome outcome, bool major = false, string? reason = null, string? municipal = null,
        string by = "officer", DateTimeOffset? at = null) =>
        c.RecordMeetingDecision(MeetingId, outcome, major, municipal, "纪要〔2026〕9号", reason, by, at ?? Decided);

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
    public void A_case_the_experts_did_not_support_cannot_go_on_an_agenda()
    {
        var reviewCase = Open();
        reviewCase.StartExpertReview();
        reviewCase.RecordExpertOpinion(supported: false);

        var error = Assert.Throws<RuleViolationException>(() => reviewCase.PlaceOnAgenda(MeetingId));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("R-A13-MEETING", error.Rule);
        Assert.Null(reviewCase.AgendaMeetingId);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public void A_case_not_on_the_meetings_agenda_cannot_be_decided_there()
    {
        var reviewCase = OnAgenda();

        var error = Assert.Throws<RuleViolationException>(() =>
            reviewCase.RecordMeetingDecision(Guid.NewGuid(), MeetingOutcome.Approved, false, null, "纪要", null, "officer", Decided));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(ReviewStage.Supported, reviewCase.Stage);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public void The_meeting_approves()
    {
        var reviewCase = OnAgenda();

        Decide(reviewCase, MeetingOutcome.Approved);

        Assert.Equal(ReviewStage.Approved, reviewCase.Stage);
        Assert.False(reviewCase.EspeciallyMajor);
        Assert.Equal("officer", reviewCase.DecidedBy);
        Assert.Equal(Decided, reviewCase.DecidedAt);
        Assert.Equal(MeetingId, reviewCase.DecidedAtMeetingId);
        Assert.Equal("纪要〔2026〕9号", reviewCase.MinutesReference);
        Assert.Null(reviewCase.AgendaMeetingId);
    }

    [Fact, Trait("Req", "R-A13-MEETING"), Trait("Req", "R-A10-MAJOR")]
    public void An_approval_may_be_especially_major_with_the_municipal_decision()
    {
        var reviewCase = OnAgenda();

        Decide(reviewCase, MeetingOutcome.Approved, major: true, municipal: "京政发〔2026〕1号");

        Assert.Equal(ReviewStage.Approved, reviewCase.Stage);
        Assert.True(reviewCase.EspeciallyMajor);
        Assert.Equal("京政发〔2026〕1号", reviewCase.MunicipalDecisionReference);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void Especially_major_without_the_municipal_decision_is_refused()
    {
        var reviewCase = OnAgenda();

        var error = Assert.Throws<RuleViolationException>(() => Decide(reviewCase, MeetingOutcome.Approved, major: true, municipal: " "));

        Assert.Equal("municipalDecisionReference", error.Field);
        Assert.Equal("R-A10-MAJOR", error.Rule);
        Assert.Equal(ReviewStage.Supported, reviewCase.Stage);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public void The_meeting_rejects_with_its_reason()
    {
        var reviewCase = OnAgenda();

        Decide(reviewCase, MeetingOutcome.Rejected, reason: "  团队不足  ");

        Assert.Equal(ReviewStage.Rejected, reviewCase.Stage);
        Assert.Equal("团队不足", reviewCase.DecisionReason);
    }

    [Theory, Trait("Req", "R-A13-MEETING")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_reason(string? reason)
    {
        var reviewCase = OnAgenda();

        var error = Assert.Throws<RuleViolationException>(() => Decide(reviewCase, MeetingOutcome.Rejected, reason: reason));

        Assert.Equal("reason", error.Field);
        Assert.Equal("R-A13-MEETING", error.Rule);
        Assert.Equal(RuleViolationException.BadRequestStatus, error.StatusCode);
        Assert.Equal(ReviewStage.Supported, reviewCase.Stage);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void A_rejected_platform_cannot_be_especially_major()
    {
        var reviewCase = OnAgenda();

        var error = Assert.Throws<RuleViolationException>(() => Decide(reviewCase, MeetingOutcome.Rejected, major: true, reason: "Not ready", municipal: "x"));

        Assert.Equal("R-A10-MAJOR", error.Rule);
        Assert.Equal("especiallyMajor", error.Field);
        Assert.Equal(ReviewStage.Supported, reviewCase.Stage);
        Assert.False(reviewCase.EspeciallyMajor);
    }

    [Theory, Trait("Req", "R-A13-MEETING")]
    [InlineData(true)]
    [InlineData(false)]
    public void A_case_is_decided_once(bool firstApproves)
    {
        var reviewCase = OnAgenda();
        Decide(reviewCase, firstApproves ? MeetingOutcome.Approved : MeetingOutcome.Rejected, reason: firstApproves ? null : "Reason");

        var error = Assert.Throws<RuleViolationException>(() =>
            Decide(reviewCase, firstApproves ? MeetingOutcome.Rejected : MeetingOutcome.Approved, reason: "Changed our mind", by: "other", at: Decided.AddDays(1)));

        Assert.Equal(RuleViolationException.ConflictStatus, error.StatusCode);
        Assert.Equal("R-A13-MEETING", error.Rule);
        Assert.Equal(firstApproves ? ReviewStage.Approved : ReviewStage.Rejected, reviewCase.Stage);
        Assert.Equal("officer", reviewCase.DecidedBy);
        Assert.Equal(Decided, reviewCase.DecidedAt);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Only_one_panel_is_formed_per_case()
    {
        var reviewCase = Open();
        reviewCase.StartExpertReview();

        var error = Assert.Throws<RuleViolationException>(reviewCase.StartExpertReview);

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(ReviewStage.ExpertReview, reviewCase.Stage);
    }
}
