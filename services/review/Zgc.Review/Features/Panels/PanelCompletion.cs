using Zgc.Messaging.Outbox;
using Zgc.Review.Contracts;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;

namespace Zgc.Review.Features.Panels;

/// <summary>Closing a panel: the result on the panel, the opinion on the case and <see cref="ExpertReviewCompleted"/> in one save.</summary>
internal static class PanelCompletion
{
    public static async Task Complete(ExpertPanel panel, ReviewCase reviewCase, IOutbox<ReviewDbContext> outbox, string by, DateTimeOffset now, bool early,
        string? reason, CancellationToken cancellationToken)
    {
        var result = panel.Close(by, now, early, reason);
        reviewCase.RecordExpertOpinion(result.Supported);
        await outbox.Publish(new ExpertReviewCompleted(panel.ApplicationId, panel.Id, result.Supported, result.TrimmedMean, result.SupportVotes,
            result.ScoresReceived, panel.Size, now), cancellationToken);
    }
}
