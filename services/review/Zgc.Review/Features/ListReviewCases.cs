using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Features;

internal static class ListReviewCases
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/cases", List).RequireOperators().WithName("ListReviewCases");
        group.MapGet("/cases/{applicationId:guid}", Get).RequireOperators().WithName("GetReviewCase");
    }

    private static async Task<Ok<List<ReviewCaseView>>> List(ReviewDbContext db, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.AsNoTracking().OrderByDescending(c => c.OpenedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(cases.Select(ReviewCaseView.From).ToList());
    }

    private static async Task<Results<Ok<ReviewCaseView>, NotFound>> Get(Guid applicationId, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var reviewCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == applicationId, cancellationToken);
        return reviewCase is null ? TypedResults.NotFound() : TypedResults.Ok(ReviewCaseView.From(reviewCase));
    }
}
