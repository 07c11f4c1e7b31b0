using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Zgc.Intake.Persistence;

namespace Zgc.Intake.Features.Applications;

internal static class GetApplication
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/applications/{id:guid}", Handle).WithName("GetApplication");

    private static async Task<Results<Ok<ApplicationView>, NotFound>> Handle(Guid id, ClaimsPrincipal user, IntakeDbContext db,
        CancellationToken cancellationToken)
    {
        var application = await ApplicationLoader.Visible(db, id, user, cancellationToken);
        return application is null ? TypedResults.NotFound() : TypedResults.Ok(await ApplicationLoader.View(db, application, user, cancellationToken));
    }
}
