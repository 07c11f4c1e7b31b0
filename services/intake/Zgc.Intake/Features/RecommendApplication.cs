using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Contracts;
using Zgc.Intake.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features;

/// <summary>The sub-park officer recommends a submitted application to the ZGC Committee (R-A13-SUBPARK).</summary>
internal static class RecommendApplication
{
    public sealed record Request(string? Opinion);

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/applications/{id:guid}/recommend", Handle).RequireRoles(Roles.SubParkOfficer).WithName("RecommendApplication");

    private static async Task<Results<Ok<ApplicationView>, NotFound>> Handle(Guid id, Request? request, ClaimsPrincipal user, IntakeDbContext db,
        IOutbox<IntakeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || !ApplicationAccess.CanSee(user, application))
        {
            return TypedResults.NotFound();
        }

        var officerSubPark = SubPark.Parse(user.SubParkCode() ?? "");
        var now = clock.GetUtcNow();
        application.Recommend(officerSubPark, user.UserId(), request?.Opinion, now);
        await outbox.Publish(new ApplicationRecommended(application.Id, application.SubPark.Code, user.UserId(), application.RecommendationOpinion, now),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApplicationView.From(application));
    }
}
