using Zgc.Audit;
using Zgc.Messaging;
using Zgc.Persistence;
using Zgc.Review.Domain;
using Zgc.Review.Features;
using Zgc.Review.Features.Assignments;
using Zgc.Review.Features.Experts;
using Zgc.Review.Features.Meetings;
using Zgc.Review.Features.Panels;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review;

/// <summary>The one list of everything the review service registers and maps.</summary>
public static class ReviewModule
{
    public const string Name = "review";

    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section)
            .Validate(o => o.PanelSize >= PanelSettings.MinimumSize && o.PanelSize % 2 == 1, "Review:PanelSize is odd and at least 5 (R-A13-EXPERT).")
            .Validate(o => o.QuorumPercent is > 0 and <= 100, "Review:QuorumPercent is between 1 and 100.")
            .Validate(o => o.OutlierThreshold >= 0, "Review:OutlierThreshold is not negative.")
            .Validate(o => ValidPolicy(o.Policy), "Review:Policy needs a version, a positive weight for each of the eight criteria and a threshold of 0–100.")
            .ValidateOnStart();
        builder.AddServiceDatabase<ReviewDbContext, SqliteReviewDbContext, PostgresReviewDbContext, SqlServerReviewDbContext>("Review");
        builder.AddAudit(Name);
        builder.AddServiceMessaging<ReviewDbContext>(Name, m => m.AddConsumer<OpenReviewCaseConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/" + Name).WithTags("Review").RequireAuthorization();
        ListReviewCases.Map(review);
        ExpertEndpoints.Map(review);
        PanelEndpoints.Map(review);
        AssignmentEndpoints.Map(review);
        MeetingEndpoints.Map(review);
        RecordMeetingDecision.Map(review);
        review.MapMessagingOperations<ReviewDbContext>(Name).RequireOperators();
        app.MapAudit(Name);
        return app;
    }

    private static bool ValidPolicy(ScoringPolicyOptions policy)
    {
        try
        {
            policy.ToPolicy().Validated();
            return policy.Weights.Keys.All(k => Criteria.All.Any(c => string.Equals(c.Code(), k, StringComparison.OrdinalIgnoreCase)));
        }
        catch (Zgc.SharedKernel.RuleViolationException)
        {
            return false;
        }
    }
}
