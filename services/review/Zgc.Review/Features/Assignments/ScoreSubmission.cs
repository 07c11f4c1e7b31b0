using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Review.Domain;
using Zgc.Review.Features.Panels;
using Zgc.Review.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Review.Features.Assignments;

/// <summary>An expert submits their score of the eight criteria (R-A13-EXPERT); the last score closes the panel.</summary>
internal static class ScoreSubmission
{
    /// <summary>Each criterion 0–100, at most two decimals.</summary>
    public sealed record ScoreRequest(
        decimal? Significance, decimal? Foundation, decimal? Team, decimal? Innovation, decimal? Integration, decimal? Content, decimal? Targets,
        decimal? Funding, string? Comment, bool? Support)
    {
        public decimal? Of(Criterion criterion) => criterion switch
        {
            Criterion.Significance => Significance,
            Criterion.Foundation => Foundation,
            Criterion.Team => Team,
            Criterion.Innovation => Innovation,
            Criterion.Integration => Integration,
            Criterion.Content => Content,
            Criterion.Targets => Targets,
            Criterion.Funding => Funding,
            _ => null,
        };
    }

    /// <summary>
    /// How often a submission is tried when other experts' submissions change the panel at the same moment: each round
    /// at least one of them succeeds, so this covers a whole panel of up to this many submitting at once.
    /// </summary>
    private const int Attempts = 15;

    public static async Task<Results<Ok<AssignmentView>, NotFound>> Handle(Guid panelId, ScoreRequest request, ClaimsPrincipal user, ReviewDbContext db,
        IOutbox<ReviewDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scores = Validate(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await AssignmentEndpoints.Mine(db, panelId, user, cancellationToken) is not { } mine)
                {
                    return TypedResults.NotFound();
                }

                var now = clock.GetUtcNow();
                var everyScoreIn = mine.Panel.Submit(mine.Seat.ExpertUserId, scores, request.Comment, request.Support!.Value, now);
                if (everyScoreIn)
                {
                    await PanelCompletion.Complete(mine.Panel, mine.Case, outbox, "system:all-scores-in", now, early: false, null, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(AssignmentView.From(mine.Panel, mine.Seat, mine.Case));
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Experts of one panel often submit within the same minute; each submission bumps the panel's version so
                // that exactly one of them sees "every score is in". The loser reloads and submits on the fresh panel.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Every criterion present, within 0–100 and with at most two decimals; the support vote given.</summary>
    internal static Dictionary<Criterion, decimal> Validate(ScoreRequest request)
    {
        var scores = new Dictionary<Criterion, decimal>();
        foreach (var criterion in Criteria.All)
        {
            var value = request.Of(criterion) ?? throw new RuleViolationException(criterion.Code(), Rules.Expert,
                $"Score '{criterion.Code()}' is missing.", $"缺少“{criterion.ZhName()}”的评分。");
            if (value is < Criteria.MinimumScore or > Criteria.MaximumScore || Scores.Round(value) != value)
            {
                throw new RuleViolationException(criterion.Code(), Rules.Expert,
                    $"Score '{criterion.Code()}' must be between 0 and 100 with at most two decimals (got {value}).",
                    $"“{criterion.ZhName()}”的评分须在0至100之间，最多两位小数（收到{value}）。");
            }

            scores[criterion] = value;
        }

        if (request.Support is null)
        {
            throw new RuleViolationException("support", Rules.Expert, "Say whether you support the platform.", "请给出是否支持建设的意见。");
        }

        if (request.Comment is { Length: > 4000 })
        {
            throw new RuleViolationException("comment", Rules.Expert, "The comment is at most 4000 characters.", "评审意见不得超过4000个字符。");
        }

        return scores;
    }
}
