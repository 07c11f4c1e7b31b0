using Zgc.Funding.Domain;
using Zgc.SharedKernel;

namespace Zgc.Funding.Tests.Domain;

/// <summary>Art. 10 caps, worked at the boundaries and checked on many random inputs (fixed seed).</summary>
public class SupportCapsTests
{
    [Fact, Trait("Req", "R-A10-Y1")]
    public void Year_one_is_thirty_percent_of_the_base_but_never_above_ten_million()
    {
        Assert.Equal(Money.FromYuan(6_000_000), SupportCaps.ForYearOne(Money.FromYuan(20_000_000), especiallyMajor: false).Amount);
        Assert.Equal(Money.FromYuan(10_000_000), SupportCaps.ForYearOne(Money.FromYuan(50_000_000), especiallyMajor: false).Amount);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void A_base_of_33_333_333_33_yuan_caps_at_9_999_999_99_rounded_down_not_up()
    {
        // 30 % of 33,333,333.33 is 9,999,999.999: the fraction of a fen is dropped, never rounded up to 10,000,000.00.
        var cap = SupportCaps.ForYearOne(Money.Parse("33333333.33"), especiallyMajor: false);

        Assert.Equal(Money.Parse("9999999.99"), cap.ThirtyPercentOfBase);
        Assert.Equal(Money.Parse("9999999.99"), cap.Amount);
        Assert.Equal("R-A10-Y1", cap.Rule);
        Assert.Contains("¥33,333,333.33", cap.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("= ¥9,999,999.99", cap.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("¥33,333,333.33", cap.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("第1年度上限", cap.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void A_base_of_33_333_333_34_yuan_reaches_the_ten_million_ceiling_exactly()
    {
        // 30 % of 33,333,333.34 is 10,000,000.002 → 10,000,000.00 after rounding down; the ceiling is the same figure.
        var cap = SupportCaps.ForYearOne(Money.Parse("33333333.34"), especiallyMajor: false);

        Assert.Equal(Money.FromYuan(10_000_000), cap.ThirtyPercentOfBase);
        Assert.Equal(Money.FromYuan(10_000_000), cap.Amount);
        Assert.Equal(Money.FromYuan(10_000_000), cap.Ceiling);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void An_especially_major_platform_has_the_thirty_million_ceiling_with_the_same_ratio()
    {
        var major = SupportCaps.ForYearOne(Money.FromYuan(200_000_000), especiallyMajor: true);
        var middle = SupportCaps.ForYearOne(Money.FromYuan(50_000_000), especiallyMajor: true);

        Assert.Equal(Money.FromYuan(30_000_000), major.Amount);
        Assert.Equal("R-A10-MAJOR", major.Rule);
        Assert.Contains("especially major", major.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("特别重大", major.ExplanationZh, StringComparison.Ordinal);
        // 30 % of 50,000,000 is 15,000,000: above the standard ceiling, within the especially-major one.
        Assert.Equal(Money.FromYuan(15_000_000), middle.Amount);
        Assert.Equal(Money.FromYuan(10_000_000), SupportCaps.ForYearOne(Money.FromYuan(50_000_000), especiallyMajor: false).Amount);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void Especially_major_boundary_is_100_000_000_yuan_of_base()
    {
        Assert.Equal(Money.Parse("29999999.99"), SupportCaps.ForYearOne(Money.Parse("99999999.99"), especiallyMajor: true).Amount);
        Assert.Equal(Money.FromYuan(30_000_000), SupportCaps.ForYearOne(Money.FromYuan(100_000_000), especiallyMajor: true).Amount);
    }

    [Fact, Trait("Req", "R-A10-BASE")]
    public void Land_heavy_investment_counts_in_the_total_but_not_in_the_base()
    {
        var investment = SupportBase.Of(new Dictionary<InvestmentCategory, Money>
        {
            [InvestmentCategory.Land] = Money.FromYuan(60_000_000),
            [InvestmentCategory.ConstructionInstallation] = Money.FromYuan(15_000_000),
            [InvestmentCategory.EquipmentAndMaterials] = Money.FromYuan(20_000_000),
            [InvestmentCategory.Personnel] = Money.FromYuan(5_000_000),
        });

        Assert.Equal(Money.FromYuan(100_000_000), investment.TotalInvestment);
        Assert.Equal(Money.FromYuan(25_000_000), investment.Base);
        Assert.Equal(Money.FromYuan(75_000_000), investment.Excluded);
        // 30 % of the whole 100,000,000 would hit the ceiling; 30 % of the eligible 25,000,000 does not.
        Assert.Equal(Money.FromYuan(7_500_000), SupportCaps.ForYearOne(investment.Base, especiallyMajor: false).Amount);
    }

    [Fact, Trait("Req", "R-A10-BASE")]
    public void Every_named_category_but_land_and_construction_installation_counts_in_the_base()
    {
        var eligible = Enum.GetValues<InvestmentCategory>().Where(SupportBase.CountsInBase).ToList();

        Assert.Equal(11, eligible.Count);
        Assert.DoesNotContain(InvestmentCategory.Land, eligible);
        Assert.DoesNotContain(InvestmentCategory.ConstructionInstallation, eligible);
    }

    [Fact, Trait("Req", "R-A10-BASE")]
    public void A_negative_base_or_category_is_refused()
    {
        Assert.Equal("R-A10-BASE", Assert.Throws<RuleViolationException>(() => SupportCaps.ForYearOne(Money.FromFen(-1), false)).Rule);
        Assert.Throws<RuleViolationException>(() =>
            SupportBase.Of(new Dictionary<InvestmentCategory, Money> { [InvestmentCategory.Personnel] = Money.FromFen(-1) }));
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public void Later_years_apply_the_ratio_to_the_accepted_self_raised_investment_with_the_same_ceiling()
    {
        var year2 = SupportCaps.ForLaterYear(2, Money.Parse("12345678.91"), especiallyMajor: false, previousEvaluationPassed: true);
        var year3 = SupportCaps.ForLaterYear(3, Money.FromYuan(80_000_000), especiallyMajor: false, previousEvaluationPassed: true);
        var major3 = SupportCaps.ForLaterYear(3, Money.FromYuan(80_000_000), especiallyMajor: true, previousEvaluationPassed: true);

        // 30 % of 12,345,678.91 = 3,703,703.673 → 3,703,703.67
        Assert.Equal(Money.Parse("3703703.67"), year2.Amount);
        Assert.Equal("R-A10-Y23", year2.Rule);
        Assert.Contains("self-raised", year2.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("自筹资金", year2.ExplanationZh, StringComparison.Ordinal);
        Assert.Equal(Money.FromYuan(10_000_000), year3.Amount);
        Assert.Equal(Money.FromYuan(24_000_000), major3.Amount);
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public void Later_years_need_a_passed_evaluation()
    {
        var error = Assert.Throws<RuleViolationException>(() => SupportCaps.ForLaterYear(2, Money.FromYuan(1_000_000), false, previousEvaluationPassed: false));

        Assert.Equal("R-A10-Y23", error.Rule);
        Assert.Equal(RuleViolationException.ConflictStatus, error.StatusCode);
        Assert.Throws<RuleViolationException>(() => SupportCaps.ForLaterYear(1, Money.FromYuan(1_000_000), false, true));
        Assert.Throws<RuleViolationException>(() => SupportCaps.ForLaterYear(4, Money.FromYuan(1_000_000), false, true));
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void An_award_may_be_lower_than_the_cap_never_higher_nor_negative()
    {
        var cap = SupportCaps.ForYearOne(Money.Parse("33333333.33"), false);

        Assert.Equal(Money.Parse("9999999.99"), SupportCaps.CheckAward(Money.Parse("9999999.99"), cap));
        Assert.Equal(Money.Zero, SupportCaps.CheckAward(Money.Zero, cap));
        var above = Assert.Throws<RuleViolationException>(() => SupportCaps.CheckAward(Money.FromYuan(10_000_000), cap));
        Assert.Equal("amountFen", above.Field);
        Assert.Equal("R-A10-Y1", above.Rule);
        Assert.Contains("¥9,999,999.99", above.MessageEn, StringComparison.Ordinal);
        Assert.Throws<RuleViolationException>(() => SupportCaps.CheckAward(Money.FromFen(-1), cap));
    }

    [Fact, Trait("Req", "R-A10-Y1"), Trait("Req", "R-A10-Y23"), Trait("Req", "R-A10-MAJOR")]
    public void On_random_bases_the_cap_is_exactly_the_largest_fen_within_both_limits()
    {
        var random = new Random(20190918);
        for (var i = 0; i < 20_000; i++)
        {
            // Bases from 0 to CNY 10 billion, to the fen.
            var basis = Money.FromFen(random.NextInt64(0, 1_000_000_000_000L));
            var major = random.Next(2) == 1;
            var year = random.Next(1, 4);
            var cap = year == 1 ? SupportCaps.ForYearOne(basis, major) : SupportCaps.ForLaterYear(year, basis, major, true);
            var ceiling = major ? Money.FromYuan(30_000_000) : Money.FromYuan(10_000_000);

            Assert.True(cap.Amount <= ceiling, $"{cap.Amount} above the ceiling for base {basis}");
            // Never above 30 % of the base, computed exactly in integers: cap × 100 ≤ base × 30.
            Assert.True((Int128)cap.Amount.Fen * 100 <= (Int128)basis.Fen * 30, $"{cap.Amount} above 30 % of {basis}");
            // And the largest such amount: one more fen would break one of the two limits.
            Assert.True(cap.Amount == ceiling || ((Int128)cap.Amount.Fen + 1) * 100 > (Int128)basis.Fen * 30, $"{cap.Amount} is not maximal for {basis}");
            Assert.False(cap.Amount.IsNegative);

            var award = Money.FromFen(random.NextInt64(0, cap.Amount.Fen + 1));
            Assert.Equal(award, SupportCaps.CheckAward(award, cap));
            Assert.Throws<RuleViolationException>(() => SupportCaps.CheckAward(cap.Amount + Money.FromFen(1 + random.NextInt64(0, 1_000_000)), cap));
        }
    }
}
