using Zgc.Monitoring.Domain.Reports;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Tests.Domain;

/// <summary>The computed checks of the annual evaluation on their boundaries (Art. 8, R-A8-*): exact arithmetic decides.</summary>
public class AnnualChecksTests
{
    private static CheckResult Check(string code, CheckInputs inputs) => AnnualChecks.Compute(inputs).Single(c => c.Code == code);

    private static CheckInputs Year(int year, AnnualIndicators current, int? average = 650, AnnualIndicators? previous = null,
        (int, AnnualIndicators)? baseline = null, int period = 3) => new(year, current, average, previous, baseline, period);

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(65_000, CheckOutcome.Passed)] // exactly the average, 6.50 %: passes
    [InlineData(65_001, CheckOutcome.Passed)]
    [InlineData(64_999, CheckOutcome.Failed)] // 6.49999 %: below, although it rounds to 650 bp half-up
    public void Rd_intensity_at_least_the_zgc_average_of_the_year_equal_passes(long rdFen, CheckOutcome expected)
    {
        var result = Check(AnnualChecks.RdAtLeastAverage, Year(1, Indicators.Of(rdFen: rdFen, revenueFen: 1_000_000), average: 650));

        Assert.Equal(expected, result.Computed);
        Assert.Equal("R-A8-RD", result.Rule);
    }

    [Fact, Trait("Req", "R-A8-RD")]
    public void Rd_intensity_is_held_in_basis_points_rounded_down()
    {
        Assert.Equal(649, Indicators.Of(rdFen: 64_999, revenueFen: 1_000_000).RdIntensityBasisPoints);
        Assert.Equal(650, Indicators.Of(rdFen: 65_000, revenueFen: 1_000_000).RdIntensityBasisPoints);
        Assert.Null(Indicators.Of(revenueFen: 0).RdIntensityBasisPoints);
    }

    [Fact, Trait("Req", "R-A8-RD")]
    public void Without_a_reference_figure_the_average_check_is_unknown_and_does_not_hold()
    {
        var result = Check(AnnualChecks.RdAtLeastAverage, Year(1, Indicators.Of(), average: null));

        Assert.Equal(CheckOutcome.Unknown, result.Computed);
        Assert.False(result.Holds);
    }

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(130_000, CheckOutcome.Failed)] // 6.5 % again: not "rising"
    [InlineData(130_001, CheckOutcome.Passed)]
    public void Rd_intensity_must_rise_above_the_previous_year(long rdFen, CheckOutcome expected)
    {
        var previous = Indicators.Of(rdFen: 65_000, revenueFen: 1_000_000);
        var current = Indicators.Of(rdFen: rdFen, revenueFen: 2_000_000);

        Assert.Equal(expected, Check(AnnualChecks.RdRising, Year(2, current, previous: previous, baseline: (1, previous))).Computed);
    }

    [Fact, Trait("Req", "R-A8-RD")]
    public void Year_on_year_checks_do_not_apply_in_the_first_year_and_are_unknown_without_the_previous_report()
    {
        var first = AnnualChecks.Compute(Year(1, Indicators.Of()));
        Assert.Equal(CheckOutcome.NotApplicable, first.Single(c => c.Code == AnnualChecks.RdRising).Computed);
        Assert.Equal(CheckOutcome.NotApplicable, first.Single(c => c.Code == AnnualChecks.SmesRising).Computed);
        Assert.Equal(CheckOutcome.NotApplicable, first.Single(c => c.Code == AnnualChecks.SmeRevenueGrowth).Computed);

        var second = AnnualChecks.Compute(Year(2, Indicators.Of()));
        Assert.Equal(CheckOutcome.Unknown, second.Single(c => c.Code == AnnualChecks.RdRising).Computed);
        Assert.Equal(CheckOutcome.Unknown, second.Single(c => c.Code == AnnualChecks.SmesRising).Computed);
        Assert.Equal(CheckOutcome.Unknown, second.Single(c => c.Code == AnnualChecks.SmeRevenueGrowth).Computed);
    }

    [Theory, Trait("Req", "R-A8-SME")]
    [InlineData(10, CheckOutcome.Failed)]
    [InlineData(11, CheckOutcome.Passed)]
    [InlineData(9, CheckOutcome.Failed)]
    public void Smes_driven_must_be_more_than_the_previous_year(int smes, CheckOutcome expected)
    {
        var previous = Indicators.Of(smes: 10);

        Assert.Equal(expected, Check(AnnualChecks.SmesRising, Year(2, Indicators.Of(smes: smes), previous: previous)).Computed);
    }

    [Theory, Trait("Req", "R-A8-SME")]
    [InlineData(2, 1_150_000, CheckOutcome.Passed)] // exactly 15 %
    [InlineData(2, 1_149_999, CheckOutcome.Failed)]
    [InlineData(3, 1_322_500, CheckOutcome.Passed)] // exactly 15 % a year over two years: 1.15² = 1.3225
    [InlineData(3, 1_322_499, CheckOutcome.Failed)]
    [InlineData(3, 1_400_000, CheckOutcome.Passed)] // 10 % then 27 %: the average counts, not each year
    public void Driven_revenue_grows_at_least_15_percent_a_year_on_average_exactly_15_passes(int year, long drivenRevenueFen, CheckOutcome expected)
    {
        var baseline = Indicators.Of(drivenRevenueFen: 1_000_000);
        var previous = Indicators.Of(drivenRevenueFen: 1_100_000);

        var result = Check(AnnualChecks.SmeRevenueGrowth, Year(year, Indicators.Of(drivenRevenueFen: drivenRevenueFen), previous: previous, baseline: (1, baseline)));

        Assert.Equal(expected, result.Computed);
        Assert.Equal("R-A8-SME", result.Rule);
    }

    [Theory, Trait("Req", "R-A8-SERVED")]
    [InlineData(1, 17, CheckOutcome.Passed)] // 17 × 3 = 51 ≥ 50 × 1
    [InlineData(1, 16, CheckOutcome.Failed)]
    [InlineData(2, 34, CheckOutcome.Passed)] // 34 × 3 = 102 ≥ 100
    [InlineData(2, 33, CheckOutcome.Failed)]
    [InlineData(3, 50, CheckOutcome.Passed)] // the end of the period: 50 itself
    [InlineData(3, 49, CheckOutcome.Failed)]
    public void Enterprises_served_on_course_for_50_by_the_end_of_the_construction_period(int year, int served, CheckOutcome expected)
    {
        var result = Check(AnnualChecks.ServedOnCourse, Year(year, Indicators.Of(served: served)));

        Assert.Equal(expected, result.Computed);
        Assert.Equal("R-A8-SERVED", result.Rule);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void An_override_with_a_reason_replaces_the_computed_outcome_and_is_kept()
    {
        var checks = AnnualChecks.Compute(Year(1, Indicators.Of(served: 0), average: null));

        AnnualChecks.Override(checks, [(AnnualChecks.RdAtLeastAverage, true, "统计局数据延迟公布，按上年均值认定"), (AnnualChecks.ServedOnCourse, true, "疫情影响")]);

        var rd = checks.Single(c => c.Code == AnnualChecks.RdAtLeastAverage);
        Assert.Equal(CheckOutcome.Unknown, rd.Computed);
        Assert.True(rd.Holds);
        Assert.Equal("统计局数据延迟公布，按上年均值认定", rd.OverrideReason);
        Assert.All(checks, c => Assert.True(c.Holds));
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void An_override_can_also_fail_a_passed_check()
    {
        var checks = AnnualChecks.Compute(Year(1, Indicators.Of()));

        AnnualChecks.Override(checks, [(AnnualChecks.RdAtLeastAverage, false, "研发费用归集口径不符")]);

        Assert.False(checks.Single(c => c.Code == AnnualChecks.RdAtLeastAverage).Holds);
    }

    [Theory, Trait("Req", "R-A14-EVAL")]
    [InlineData(null)]
    [InlineData("  ")]
    public void An_override_without_a_reason_is_refused_naming_the_field(string? reason)
    {
        var checks = AnnualChecks.Compute(Year(1, Indicators.Of()));

        var error = Assert.Throws<RuleViolationException>(() => AnnualChecks.Override(checks, [(AnnualChecks.ServedOnCourse, true, reason)]));

        Assert.Equal("overrides[0].reason", error.Field);
        Assert.Equal("R-A14-EVAL", error.Rule);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public void An_override_of_an_unknown_check_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            AnnualChecks.Override(AnnualChecks.Compute(Year(1, Indicators.Of())), [("no-such-check", true, "理由")]));

        Assert.Equal("overrides[0].check", error.Field);
    }
}
