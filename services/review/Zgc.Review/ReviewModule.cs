using Zgc.Messaging;
using Zgc.Persistence;
using Zgc.Review.Features;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review;

/// <summary>The one list of everything the review service registers and maps.</summary>
public static class ReviewModule
{
    public const string Name = "review";

    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReviewDbContext, SqliteReviewDbContext, PostgresReviewDbContext, SqlServerReviewDbContext>("Review");
        builder.AddServiceMessaging<ReviewDbContext>(Name, m => m.AddConsumer<OpenReviewCaseConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder app)
    {
        var review = app.MapGroup("/" + Name).WithTags("Review").RequireAuthorization();
        ListReviewCases.Map(review);
        RecordMeetingDecision.Map(review);
        review.MapMessagingOperations<ReviewDbContext>(Name).RequireOperators();
        return app;
    }
}
