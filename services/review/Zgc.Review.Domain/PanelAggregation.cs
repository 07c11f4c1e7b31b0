namespace Zgc.Review.Domain;

/// <summary>One expert's submitted score as aggregation sees it.</summary>
public sealed record SubmittedScore(string ExpertUserId, IReadOnlyDictionary<Criterion, decimal> Scores, bool Support);

/// <summary>One expert's line of the result.</summary>
/// <param name="ExpertUserId">The expert.</param>
/// <param name="Total">The weighted total, 0–100.</param>
/// <param name="Support">The expert's vote.</param>
/// <param name="Deviation">How far the total is from the mean of the other experts' totals.</param>
/// <param name="Outlier">True when <paramref name="Deviation"/> exceeds the outlier threshold.</param>
public sealed record ExpertTotal(string ExpertUserId, decimal Total, bool Support, decimal Deviation, bool Outlier);

/// <summary>The panel's figures and opinion (R-A13-EXPERT).</summary>
public sealed record PanelResult(
    IReadOnlyDictionary<Criterion, decimal> CriterionMeans,
    IReadOnlyList<ExpertTotal> Totals,
    decimal Mean,
    decimal TrimmedMean,
    decimal Spread,
    int SupportVotes,
    int ScoresReceived,
    bool Supported);

/// <summary>
/// Turns the submitted scores into the panel's opinion. Every figure is decimal and rounded to two decimals, a half
/// away from zero (<see cref="Scores.Round"/>); totals are rounded first and the means are taken of rounded totals,
/// so anyone can recompute the result from the published totals.
/// </summary>
public static class PanelAggregation
{
    /// <summary>From this many totals on, the highest and the lowest are dropped for the trimmed mean.</summary>
    public const int TrimFrom = 5;

    /// <remarks>
    /// Support needs both: the trimmed mean reaches (≥) the policy's threshold, and more than half of the experts who
    /// scored say support. An expert is an outlier when their total differs from the mean of the other experts'
    /// totals by more than <paramref name="outlierThreshold"/> points (strictly more); the flag informs the
    /// committee and does not change the figures, which the trimmed mean already protects.
    /// </remarks>
    public static PanelResult Aggregate(IReadOnlyList<SubmittedScore> scores, ScoringPolicy policy, decimal outlierThreshold)
    {
        if (scores.Count == 0)
        {
            throw new ArgumentException("A panel result needs at least one score.", nameof(scores));
        }

        var means = Criteria.All.ToDictionary(c => c, c => Scores.Round(scores.Average(s => s.Scores[c])));
        var totals = scores.Select(s => (s.ExpertUserId, Total: policy.WeightedTotal(s.Scores), s.Support)).ToList();
        var values = totals.Select(t => t.Total).ToList();
        var sum = values.Sum();
        var lines = totals.Select(t =>
        {
            if (totals.Count < 2)
            {
                return new ExpertTotal(t.ExpertUserId, t.Total, t.Support, 0m, false);
            }

            var othersMean = (sum - t.Total) / (totals.Count - 1);
            var deviation = Scores.Round(Math.Abs(t.Total - othersMean));
            return new ExpertTotal(t.ExpertUserId, t.Total, t.Support, deviation, deviation > outlierThreshold);
        }).ToList();

        var trimmed = TrimmedMean(values);
        var supportVotes = scores.Count(s => s.Support);
        var supported = trimmed >= policy.SupportThreshold && supportVotes * 2 > scores.Count;
        return new PanelResult(means, lines, Scores.Round(values.Average()), trimmed, values.Max() - values.Min(), supportVotes, scores.Count, supported);
    }

    /// <summary>The mean after dropping one highest and one lowest total when there are at least <see cref="TrimFrom"/>.</summary>
    public static decimal TrimmedMean(IReadOnlyList<decimal> totals)
    {
        var ordered = totals.Order().ToList();
        var kept = ordered.Count >= TrimFrom ? ordered.Skip(1).Take(ordered.Count - 2).ToList() : ordered;
        return Scores.Round(kept.Average());
    }
}
