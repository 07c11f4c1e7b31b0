using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Review.Features;

internal static class ListReviewCases
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/cases", List).RequireOperators().WithName("ListReviewCases");
        group.MapGet("/cases/{applicationId:guid}", Get).RequireOperators().WithName("GetReviewCase");
    }

    /// <summary>Cases, newest first; <paramref name="stage"/> narrows to one stage (operators' "cases by stage").</summary>
    private static async Task<Ok<List<ReviewCaseView>>> List(string? stage, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!Enum.TryParse<ReviewStage>(stage.Trim(), ignoreCase: true, out var parsed) || int.TryParse(stage, out _))
            {
                throw new RuleViolationException("stage", "request-format", $"'{stage}' is not a stage ({string.Join(", ", Enum.GetNames<ReviewStage>())}).",
                    $"“{stage}”不是有效的评审阶段。");
            }

            query = query.Where(c => c.Stage == parsed);
        }

        var cases = await query.OrderByDescending(c => c.OpenedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(cases.Select(ReviewCaseView.From).ToList());
    }

    private static async Task<Results<Ok<ReviewCaseView>, NotFound>> Get(Guid applicationId, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var reviewCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicationId == applicationId, cancellationToken);
        return reviewCase is null ? TypedResults.NotFound() : TypedResults.Ok(ReviewCaseView.From(reviewCase));
    }
}
