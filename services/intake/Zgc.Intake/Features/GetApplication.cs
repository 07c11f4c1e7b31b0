using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Persistence;

namespace Zgc.Intake.Features;

internal static class GetApplication
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/applications/{id:guid}", Handle).WithName("GetApplication");

    private static async Task<Results<Ok<ApplicationView>, NotFound>> Handle(Guid id, ClaimsPrincipal user, IntakeDbContext db,
        CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return application is not null && ApplicationAccess.CanSee(user, application)
            ? TypedResults.Ok(ApplicationView.From(application))
            : TypedResults.NotFound();
    }
}
