using Zgc.SharedKernel;

namespace Zgc.Review.Domain;

/// <summary>
/// The scoring part of the policy configuration: a version, the weight of each criterion and the support threshold
/// on the weighted 0–100 total. A panel records the policy in force when it is formed and is judged by it.
/// </summary>
/// <param name="Version">Names the policy, e.g. <c>2019-default</c>; changing weights or the threshold needs a new version.</param>
/// <param name="Weights">A positive weight per criterion; totals are Σ wᵢ·sᵢ / Σ wᵢ, so weights need not add up to 100.</param>
/// <param name="SupportThreshold">The trimmed mean must reach (≥) this for the panel to support.</param>
public sealed record ScoringPolicy(string Version, IReadOnlyDictionary<Criterion, decimal> Weights, decimal SupportThreshold)
{
    /// <summary>
    /// The default: the Measures list the eight aspects without ranking them, so each weighs the same (12.5); the
    /// threshold 70 of 100 is the committee's working default, not a figure of the Measures.
    /// </summary>
    public static ScoringPolicy Default { get; } = new("2019-default", Criteria.All.ToDictionary(c => c, _ => 12.5m), 70m);

    /// <summary>Throws when a criterion has no positive weight or the threshold is outside 0–100.</summary>
    public ScoringPolicy Validated()
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            throw new RuleViolationException("policy.version", Rules.Expert, "The scoring policy needs a version.", "评分政策须有版本号。");
        }

        foreach (var criterion in Criteria.All)
        {
            if (!Weights.TryGetValue(criterion, out var weight) || weight <= 0)
            {
                throw new RuleViolationException("policy.weights." + criterion.Code(), Rules.Expert,
                    $"The criterion '{criterion.Code()}' needs a positive weight.", $"评审要点“{criterion.ZhName()}”的权重须为正数。");
            }
        }

        if (SupportThreshold is < Criteria.MinimumScore or > Criteria.MaximumScore)
        {
            throw new RuleViolationException("policy.supportThreshold", Rules.Expert, "The support threshold is between 0 and 100.", "支持分数线须在0至100之间。");
        }

        return this;
    }

    /// <summary>An expert's weighted total, rounded to two decimals.</summary>
    public decimal WeightedTotal(IReadOnlyDictionary<Criterion, decimal> scores)
    {
        var weightSum = Criteria.All.Sum(c => Weights[c]);
        return Scores.Round(Criteria.All.Sum(c => Weights[c] * scores[c]) / weightSum);
    }
}
