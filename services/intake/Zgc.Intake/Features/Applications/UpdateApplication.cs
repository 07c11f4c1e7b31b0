using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.Intake.Domain.Content;
using Zgc.Intake.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Intake.Features.Applications;

/// <summary>
/// The applicant replaces the working copy of a draft, an ineligible or a returned application. Submitted versions are
/// not touched: a correction becomes a new version only when submitted.
/// </summary>
internal static class UpdateApplication
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPut("/applications/{id:guid}", Handle).RequireRoles(Roles.Applicant).WithName("UpdateApplication").ProducesValidationProblem();

    private static async Task<Results<Ok<ApplicationView>, NotFound>> Handle(Guid id, ApplicationContent request, ClaimsPrincipal user, IntakeDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var application = await ApplicationLoader.Visible(db, id, user, cancellationToken);
        if (application is null || !ApplicationAccess.IsOwnUnit(user, application))
        {
            return TypedResults.NotFound();
        }

        FieldErrorsException.ThrowIfAny(ContentRules.Validate(request));
        application.UpdateDraft(request, user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ApplicationLoader.View(db, application, user, cancellationToken));
    }
}
