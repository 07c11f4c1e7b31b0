using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Review.Contracts;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Features;

/// <summary>A committee officer records the director office meeting's decision (R-A13-MEETING).</summary>
internal static class RecordMeetingDecision
{
    public sealed record Request(bool Approve, bool EspeciallyMajor, string? Reason);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/cases/{applicationId:guid}/meeting-decision", Handle).RequireRoles(Roles.CommitteeOfficer).WithName("RecordMeetingDecision");

    private static async Task<Results<Ok<ReviewCaseView>, NotFound>> Handle(Guid applicationId, Request request, ClaimsPrincipal user,
        ReviewDbContext db, IOutbox<ReviewDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reviewCase = await db.Cases.SingleOrDefaultAsync(c => c.ApplicationId == applicationId, cancellationToken);
        if (reviewCase is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        reviewCase.RecordMeetingDecision(request.Approve, request.EspeciallyMajor, request.Reason, user.UserId(), now);
        if (request.Approve)
        {
            await outbox.Publish(new PlatformApproved(applicationId, request.EspeciallyMajor, user.UserId(), now), cancellationToken);
        }
        else
        {
            await outbox.Publish(new PlatformRejected(applicationId, reviewCase.DecisionReason!, user.UserId(), now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReviewCaseView.From(reviewCase));
    }
}
