using Zgc.Review.Domain;

namespace Zgc.Review.Tests.Domain;

/// <summary>Worked examples of the panel's figures (R-A13-EXPERT), with the default policy: equal weights, threshold 70.</summary>
public class PanelAggregationTests
{
    private static SubmittedScore Flat(string expert, decimal each, bool support = true) =>
        new(expert, Criteria.All.ToDictionary(c => c, _ => each), support);

    private static PanelResult Aggregate(params SubmittedScore[] scores) => PanelAggregation.Aggregate(scores, ScoringPolicy.Default, 20m);

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Trimmed_mean_drops_one_highest_and_one_lowest_total_from_five()
    {
        // Totals 60, 75, 80, 85, 99: the trimmed mean is (75 + 80 + 85) / 3 = 80; the plain mean 79.8; the spread 39.
        var result = Aggregate(Flat("a", 60), Flat("b", 75), Flat("c", 80), Flat("d", 85), Flat("e", 99));

        Assert.Equal(80.00m, result.TrimmedMean);
        Assert.Equal(79.80m, result.Mean);
        Assert.Equal(39.00m, result.Spread);
        Assert.Equal(5, result.ScoresReceived);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Below_five_totals_nothing_is_trimmed()
    {
        var result = Aggregate(Flat("a", 60), Flat("b", 75), Flat("c", 80), Flat("d", 85));

        Assert.Equal(75.00m, result.TrimmedMean);
        Assert.Equal(result.Mean, result.TrimmedMean);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void Weighted_totals_and_criterion_means_round_half_away_from_zero()
    {
        // Weights 2 for significance, 1 for the rest (sum 9). Expert a: (2×90 + 7×80) / 9 = 740/9 = 82.222… → 82.22.
        var weights = Criteria.All.ToDictionary(c => c, c => c == Criterion.Significance ? 2m : 1m);
        var policy = new ScoringPolicy("test-1", weights, 70m);
        var a = new SubmittedScore("a", Criteria.All.ToDictionary(c => c, c => c == Criterion.Significance ? 90m : 80m), true);
        var b = new SubmittedScore("b", Criteria.All.ToDictionary(c => c, c => c == Criterion.Significance ? 90.25m : 80m), true);

        var result = PanelAggregation.Aggregate([a, b], policy, 20m);

        Assert.Equal(82.22m, result.Totals.Single(t => t.ExpertUserId == "a").Total);
        // b: (2×90.25 + 560) / 9 = 740.5/9 = 82.2777… → 82.28
        Assert.Equal(82.28m, result.Totals.Single(t => t.ExpertUserId == "b").Total);
        // significance mean (90 + 90.25) / 2 = 90.125 → 90.13 (a half rounds away from zero, not to even)
        Assert.Equal(90.13m, result.CriterionMeans[Criterion.Significance]);
        Assert.Equal(80.00m, result.CriterionMeans[Criterion.Funding]);
        Assert.Equal(90.13m, Scores.Round(90.125m));
        Assert.Equal(-90.13m, Scores.Round(-90.125m));
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void An_expert_far_from_the_others_is_flagged()
    {
        // Totals 80, 82, 84, 86, 40. For e: the others' mean is 83, so e is 43 away (> 20) and flagged.
        // For a: the others' mean is (82 + 84 + 86 + 40) / 4 = 73, 7 away: not flagged.
        var result = Aggregate(Flat("a", 80), Flat("b", 82), Flat("c", 84), Flat("d", 86), Flat("e", 40, support: false));

        var e = result.Totals.Single(t => t.ExpertUserId == "e");
        Assert.True(e.Outlier);
        Assert.Equal(43.00m, e.Deviation);
        var a = result.Totals.Single(t => t.ExpertUserId == "a");
        Assert.False(a.Outlier);
        Assert.Equal(7.00m, a.Deviation);
        Assert.Single(result.Totals, t => t.Outlier);
        // The trimmed mean drops 40 and 86: (80 + 82 + 84) / 3 = 82.
        Assert.Equal(82.00m, result.TrimmedMean);
        Assert.True(result.Supported);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_deviation_exactly_at_the_threshold_is_not_flagged()
    {
        // a = 90, b = 70: each is 20 from the other, which is not more than 20.
        var result = PanelAggregation.Aggregate([Flat("a", 90), Flat("b", 70)], ScoringPolicy.Default, 20m);

        Assert.All(result.Totals, t => Assert.Equal(20.00m, t.Deviation));
        Assert.DoesNotContain(result.Totals, t => t.Outlier);
    }

    [Theory, Trait("Req", "R-A13-EXPERT")]
    [InlineData("70.00", true)]
    [InlineData("69.99", false)]
    [InlineData("70.01", true)]
    public void Support_needs_the_trimmed_mean_to_reach_the_threshold(string middle, bool supported)
    {
        var m = decimal.Parse(middle, System.Globalization.CultureInfo.InvariantCulture);
        // The three middle totals are m; 50 and 95 are trimmed; everyone supports.
        var result = Aggregate(Flat("a", 50), Flat("b", m), Flat("c", m), Flat("d", m), Flat("e", 95));

        Assert.Equal(m, result.TrimmedMean);
        Assert.Equal(supported, result.Supported);
    }

    [Theory, Trait("Req", "R-A13-EXPERT")]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Support_needs_a_majority_of_the_experts_who_scored(int supporters, bool supported)
    {
        var scores = Enumerable.Range(0, 5).Select(i => Flat($"x{i}", 90, support: i < supporters)).ToArray();

        var result = Aggregate(scores);

        Assert.Equal(supporters, result.SupportVotes);
        Assert.Equal(supported, result.Supported);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public void A_tie_of_votes_is_not_a_majority()
    {
        var result = Aggregate(Flat("a", 90), Flat("b", 90), Flat("c", 90, false), Flat("d", 90, false));

        Assert.False(result.Supported);
    }
}
