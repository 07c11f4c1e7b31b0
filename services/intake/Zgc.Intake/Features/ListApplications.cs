using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Persistence;

namespace Zgc.Intake.Features;

internal static class ListApplications
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/applications", Handle).WithName("ListApplications");

    private static async Task<Ok<List<ApplicationView>>> Handle(ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking().Visible(user)
            .OrderByDescending(a => a.SubmittedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(applications.Select(ApplicationView.From).ToList());
    }
}
