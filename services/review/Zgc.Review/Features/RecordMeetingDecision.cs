using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.Messaging.Outbox;
using Zgc.Review.Domain;
using Zgc.Review.Features.Meetings;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Review.Features;

/// <summary>
/// A shortcut for the committee officer: records the decision of the meeting whose agenda the case is on
/// (R-A13-MEETING), the same as <c>POST /review/meetings/{id}/decisions</c> with approve or reject.
/// </summary>
internal static class RecordMeetingDecision
{
    public sealed record Request(bool Approve, bool EspeciallyMajor, string? Reason, string? MinutesReference = null, string? MunicipalDecisionReference = null);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/cases/{applicationId:guid}/meeting-decision", Handle).RequireRoles(Roles.CommitteeOfficer).WithName("RecordMeetingDecision");

    private static async Task<Results<Ok<ReviewCaseView>, NotFound>> Handle(Guid applicationId, Request request, ClaimsPrincipal user,
        ReviewDbContext db, IOutbox<ReviewDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reviewCase = await db.Case(applicationId, cancellationToken);
        if (reviewCase is null)
        {
            return TypedResults.NotFound();
        }

        if (reviewCase.Stage is ReviewStage.Approved or ReviewStage.Rejected)
        {
            throw new RuleViolationException("stage", Rules.Meeting, $"The case was already decided ({reviewCase.Stage}).", "该申请已有会议决定。",
                RuleViolationException.ConflictStatus);
        }

        var meeting = reviewCase.AgendaMeetingId is { } meetingId ? await db.Meeting(meetingId, cancellationToken) : null;
        if (meeting is null)
        {
            throw new RuleViolationException("applicationId", Rules.Meeting,
                $"The case is not on a director office meeting's agenda ({reviewCase.Stage}); only a case the expert panel supported can be put on one.",
                "该申请未列入主任办公会议程；只有专家论证意见为支持的申请才能提请审议。", RuleViolationException.ConflictStatus);
        }

        var decision = new MeetingDecision(request.Approve ? MeetingOutcome.Approved : MeetingOutcome.Rejected, request.MinutesReference, request.Reason,
            request.EspeciallyMajor, request.MunicipalDecisionReference);
        await MeetingDecisions.Record(db, outbox, meeting, reviewCase, decision, user.UserId(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReviewCaseView.From(reviewCase));
    }
}
