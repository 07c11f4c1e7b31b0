using Zgc.Funding.Domain.Forecast;
using Zgc.SharedKernel;

namespace Zgc.Funding.Tests.Forecast;

/// <summary>Scenario replay on the worked example: 25 %, ceilings ¥8 M / ¥20 M and two construction years instead of 30 %, ¥10 M / ¥30 M, three.</summary>
public sealed class WhatIfTests
{
    private static readonly PolicyOverride Tighter = new("2027-draft", 25, Money.FromFen(8_000_000_00), Money.FromFen(20_000_000_00), 2);

    private static WhatIfLine LineOf(WhatIfComparison c, string platform, int year) =>
        Assert.Single(c.Lines, l => l.PlatformName.StartsWith(platform, StringComparison.Ordinal) && l.ConstructionYear == year);

    [Fact, Trait("Req", "R-A10-Y1"), Trait("Req", "R-A10-MAJOR")]
    public void A_tighter_policy_is_compared_with_today_platform_year_by_platform_year()
    {
        var comparison = WhatIf.Compare(ForecastExamples.Input(), ForecastScenario.Rate(0.75m), Tighter);

        // A1: award 5,000,000.00 was below its cap 10,000,000.00 → kept; new cap min(25 % × 40,000,000.00, 8,000,000.00) = 8,000,000.00 → 5,000,000.00.
        Assert.Equal((5_000_000_00L, 5_000_000_00L, 0L), Amounts(LineOf(comparison, "A", 1)));
        // A2: min(25 % × 12,000,000.00 = 3,000,000.00, 8,000,000.00) × 0.75 = 2,250,000.00 (today 2,700,000.00).
        Assert.Equal((2_700_000_00L, 2_250_000_00L, -450_000_00L), Amounts(LineOf(comparison, "A", 2)));
        // B2 (opened, accepted 80,000,000.00): min(25 % × 80,000,000.00 = 20,000,000.00, 20,000,000.00) = 20,000,000.00 (today 24,000,000.00).
        Assert.Equal((24_000_000_00L, 20_000_000_00L, -4_000_000_00L), Amounts(LineOf(comparison, "B", 2)));
        // Two construction years: every year 3 disappears from the what-if.
        Assert.Equal((7_500_000_00L, 0L, -7_500_000_00L), Amounts(LineOf(comparison, "A", 3)));
        Assert.Equal((22_500_000_00L, 0L, -22_500_000_00L), Amounts(LineOf(comparison, "B", 3)));
        Assert.Equal((749_999_99L, 0L, -749_999_99L), Amounts(LineOf(comparison, "C", 3)));

        // 2027: today 31,700,000.00; what-if 5,000,000.00 + 2,250,000.00 + 20,000,000.00 = 27,250,000.00.
        var fy2027 = comparison.Years[0];
        Assert.Equal((31_700_000_00L, 27_250_000_00L, -4_450_000_00L), (fy2027.Current.Fen, fy2027.WhatIf.Fen, fy2027.Difference.Fen));
        // what-if headroom 2027: 40,000,000.00 − 5,000,000.00 − 27,250,000.00 = 7,750,000.00.
        Assert.Equal(7_750_000_00L, fy2027.WhatIfHeadroom!.Value.Fen);
        // 2028: today 30,749,999.99; what-if nothing.
        Assert.Equal((30_749_999_99L, 0L), (comparison.Years[1].Current.Fen, comparison.Years[1].WhatIf.Fen));
        Assert.Equal(comparison.WhatIfTotal - comparison.CurrentTotal, comparison.Difference);
        Assert.Contains("2027-draft", LineOf(comparison, "B", 2).WhatIfExplanationEn, StringComparison.Ordinal);
        Assert.Contains("ratio 25%", comparison.DescriptionEn, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void An_award_at_its_cap_follows_the_what_if_cap()
    {
        // Draft, year-1 award at its cap: 30 % × 20,000,000.00 = 6,000,000.00. Under 25 %: 5,000,000.00.
        var draft = ForecastExamples.Platform("F 草拟中", 20_000_000_00, false, "new-materials", "haidian", 0, 0, 6_000_000_00, sign: false);
        var input = new ForecastInput(ForecastExamples.From, [new(draft, [])], new Dictionary<int, Money>(), new Dictionary<int, Money>(),
            new Dictionary<Guid, int>());

        var comparison = WhatIf.Compare(input, ForecastScenario.AllPass(), new PolicyOverride(null, 25, null, null, 1));

        Assert.Equal((6_000_000_00L, 5_000_000_00L, -1_000_000_00L), Amounts(LineOf(comparison, "F", 1)));
        Assert.Contains("was at its cap", LineOf(comparison, "F", 1).WhatIfExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void The_what_if_never_changes_the_agreements_it_reads()
    {
        var input = ForecastExamples.Input();
        var before = input.Platforms.Select(p => (p.Agreement.Rules, p.Agreement.Year1Award, p.Agreement.Version,
            Years: string.Join(";", p.Years.Select(y => $"{y.ConstructionYear}:{y.Status}:{y.Cap.Fen}:{y.Award?.Fen}:{y.Version}")))).ToList();

        WhatIf.Compare(input, ForecastScenario.AllPass(), Tighter);

        var after = input.Platforms.Select(p => (p.Agreement.Rules, p.Agreement.Year1Award, p.Agreement.Version,
            Years: string.Join(";", p.Years.Select(y => $"{y.ConstructionYear}:{y.Status}:{y.Cap.Fen}:{y.Award?.Fen}:{y.Version}")))).ToList();
        Assert.Equal(before, after);
    }

    [Theory, Trait("Req", "R-A10-MAJOR")]
    [InlineData(0, null, null, null, "policy.supportRatioPercent")]
    [InlineData(101, null, null, null, "policy.supportRatioPercent")]
    [InlineData(null, 0L, null, null, "policy.standardAnnualCeilingFen")]
    [InlineData(null, 10_000_000_00L, 5_000_000_00L, null, "policy.especiallyMajorAnnualCeilingFen")]
    [InlineData(null, null, null, 0, "policy.constructionYears")]
    [InlineData(null, 40_000_000_00L, null, null, "policy.standardAnnualCeilingFen")]
    public void A_bad_what_if_policy_is_refused_naming_the_field(int? ratio, long? standardFen, long? majorFen, int? years, string field)
    {
        var policy = new PolicyOverride(null, ratio, standardFen is { } s ? Money.FromFen(s) : null, majorFen is { } m ? Money.FromFen(m) : null, years);

        // The last case is only wrong against an agreement: a ¥40 M ordinary ceiling above the agreement's ¥30 M especially-major one.
        var e = Assert.Throws<RuleViolationException>(() => WhatIf.Compare(ForecastExamples.Input(), ForecastScenario.AllPass(), policy));
        Assert.Equal(field, e.Field);
        Assert.Equal(400, e.StatusCode);
    }

    private static (long Current, long WhatIf, long Difference) Amounts(WhatIfLine line) => (line.Current.Fen, line.WhatIf.Fen, line.Difference.Fen);
}
