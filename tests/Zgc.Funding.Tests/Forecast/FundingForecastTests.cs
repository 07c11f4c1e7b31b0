using Zgc.Funding.Domain;
using Zgc.Funding.Domain.Forecast;
using Zgc.SharedKernel;

namespace Zgc.Funding.Tests.Forecast;

/// <summary>The forecast on the worked example of <see cref="ForecastExamples"/>, every figure computed by hand.</summary>
public sealed class FundingForecastTests
{
    private static ForecastLine LineOf(ForecastResult f, string platform, int year) =>
        Assert.Single(f.Lines, l => l.PlatformName.StartsWith(platform, StringComparison.Ordinal) && l.ConstructionYear == year);

    [Fact, Trait("Req", "R-A10-Y23"), Trait("Req", "R-A10-Y1")]
    public void An_ordinary_platform_counts_its_unpaid_award_in_full_and_later_years_as_weighted_caps_on_planned_investment()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.Rate(0.75m));

        // Year 1: award ¥5,000,000.00 due, unpaid → in full, payable now (fiscal year 2027).
        var y1 = LineOf(forecast, "A", 1);
        Assert.Equal(ObligationBasis.Award, y1.Basis);
        Assert.Equal(5_000_000_00L, y1.Amount.Fen);
        Assert.Equal(2027, y1.FiscalYear);
        Assert.True(y1.Weight.IsOne);

        // Year 2: min(30 % × 12,000,000.00 = 3,600,000.00, 10,000,000.00) = 3,600,000.00; × 0.75 = 2,700,000.00; starts 2027-03-02.
        var y2 = LineOf(forecast, "A", 2);
        Assert.Equal(ObligationBasis.PlannedCap, y2.Basis);
        Assert.Equal(3_600_000_00L, y2.Cap.Fen);
        Assert.Equal(2_700_000_00L, y2.Amount.Fen);
        Assert.Equal(2027, y2.FiscalYear);
        Assert.Contains("Year 2 cap = min(30% × planned investment ¥12,000,000.00", y2.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("ceiling ¥10,000,000.00) = min(¥3,600,000.00, ¥10,000,000.00) = ¥3,600,000.00; × pass weight 0.75", y2.ExplanationEn,
            StringComparison.Ordinal);
        Assert.Contains("= ¥2,700,000.00, rounded down to the fen", y2.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("第2年度上限 = min(30% × 计划投资¥12,000,000.00", y2.ExplanationZh, StringComparison.Ordinal);
        Assert.Contains("通过权重0.75", y2.ExplanationZh, StringComparison.Ordinal);

        // Year 3: min(30 % × 40,000,000.00 = 12,000,000.00, 10,000,000.00) = 10,000,000.00; × 0.75 = 7,500,000.00; starts 2028-03-02.
        var y3 = LineOf(forecast, "A", 3);
        Assert.Equal(10_000_000_00L, y3.Cap.Fen);
        Assert.Equal(7_500_000_00L, y3.Amount.Fen);
        Assert.Equal(2028, y3.FiscalYear);
    }

    [Fact, Trait("Req", "R-A10-MAJOR")]
    public void An_especially_major_platform_is_capped_at_30_million_and_an_opened_year_counts_in_full()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.Rate(0.75m));

        // Year 1 (¥30,000,000.00) is paid: not an obligation any more.
        Assert.DoesNotContain(forecast.Lines, l => l.PlatformName.StartsWith('B') && l.ConstructionYear == 1);

        // Year 2 opened by a passed evaluation: min(30 % × accepted 80,000,000.00 = 24,000,000.00, 30,000,000.00) = 24,000,000.00, weight 1.
        var y2 = LineOf(forecast, "B", 2);
        Assert.Equal(ObligationBasis.OpenedCap, y2.Basis);
        Assert.Equal(24_000_000_00L, y2.Amount.Fen);
        Assert.True(y2.Weight.IsOne);
        Assert.Equal(2027, y2.FiscalYear);

        // Year 3 has no target: the support base is assumed. min(30 % × 150,000,000.00 = 45,000,000.00, 30,000,000.00) = 30,000,000.00;
        // × 0.75 = 22,500,000.00.
        var y3 = LineOf(forecast, "B", 3);
        Assert.Equal(30_000_000_00L, y3.Cap.Fen);
        Assert.Equal(22_500_000_00L, y3.Amount.Fen);
        Assert.Contains("R-A10-MAJOR", y3.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("especially major platform ceiling ¥30,000,000.00", y3.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("the support base is assumed", y3.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("特别重大创新平台上限¥30,000,000.00", y3.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public void A_failed_evaluation_excludes_the_year_it_decided_and_weighting_rounds_down_to_the_fen()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.Rate(0.75m));

        // Year 1 paid, year 2 not eligible (year-1 evaluation failed): neither is owed.
        Assert.DoesNotContain(forecast.Lines, l => l.PlatformName.StartsWith('C') && l.ConstructionYear is 1 or 2);

        // Year 3 still follows its own (year-2) evaluation: 30 % × 3,333,333.33 = 999,999.999 → 999,999.99 (down to the fen);
        // × 0.75 = 749,999.9925 → 749,999.99.
        var y3 = LineOf(forecast, "C", 3);
        Assert.Equal(999_999_99L, y3.Cap.Fen);
        Assert.Equal(749_999_99L, y3.Amount.Fen);
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void A_terminated_agreement_owes_nothing()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.AllPass());

        Assert.DoesNotContain(forecast.Lines, l => l.PlatformName.StartsWith('D'));
        Assert.Equal(1, forecast.ExcludedAgreements);
    }

    [Fact]
    public void Each_fiscal_year_is_compared_with_its_budget_less_what_was_paid()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.Rate(0.75m));

        // 2027: A1 5,000,000.00 + A2 2,700,000.00 + B2 24,000,000.00 = 31,700,000.00 (certain 29,000,000.00, weighted 2,700,000.00);
        // budget 40,000,000.00 − paid 5,000,000.00 − 31,700,000.00 = 3,300,000.00.
        var fy2027 = forecast.Years[0];
        Assert.Equal(2027, fy2027.FiscalYear);
        Assert.Equal(31_700_000_00L, fy2027.Forecast.Fen);
        Assert.Equal(29_000_000_00L, fy2027.Certain.Fen);
        Assert.Equal(2_700_000_00L, fy2027.Weighted.Fen);
        Assert.Equal(3_300_000_00L, fy2027.Headroom!.Value.Fen);
        Assert.Contains("Budget ¥40,000,000.00 − paid so far ¥5,000,000.00 − forecast ¥31,700,000.00 = ¥3,300,000.00 (left over)", fy2027.ExplanationEn,
            StringComparison.Ordinal);

        // 2028: A3 7,500,000.00 + B3 22,500,000.00 + C3 749,999.99 = 30,749,999.99; 30,000,000.00 − 0 − 30,749,999.99 = −749,999.99 (a shortfall).
        var fy2028 = forecast.Years[1];
        Assert.Equal(30_749_999_99L, fy2028.Forecast.Fen);
        Assert.Equal(-749_999_99L, fy2028.Headroom!.Value.Fen);
        Assert.Contains("缺口", fy2028.ExplanationZh, StringComparison.Ordinal);

        // 2029: nothing expected, no budget set.
        var fy2029 = forecast.Years[2];
        Assert.Equal(0L, fy2029.Forecast.Fen);
        Assert.Null(fy2029.Budget);
        Assert.Null(fy2029.Headroom);
        Assert.Equal(31_700_000_00L + 30_749_999_99L, forecast.Total.Fen);
    }

    [Fact]
    public void The_forecast_is_broken_down_by_field_and_sub_park()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.Rate(0.75m));

        // 2027: integrated-circuits B2 24,000,000.00; next-generation-it A1 + A2 = 7,700,000.00.
        Assert.Equal(24_000_000_00L, Assert.Single(forecast.ByField, g => g.FiscalYear == 2027 && g.Key == "integrated-circuits").Amount.Fen);
        Assert.Equal(7_700_000_00L, Assert.Single(forecast.ByField, g => g.FiscalYear == 2027 && g.Key == "next-generation-it").Amount.Fen);
        // 2028 by sub-park: haidian A3 7,500,000.00; yizhuang B3 22,500,000.00; changping C3 749,999.99.
        Assert.Equal(7_500_000_00L, Assert.Single(forecast.BySubPark, g => g.FiscalYear == 2028 && g.Key == "haidian").Amount.Fen);
        Assert.Equal(22_500_000_00L, Assert.Single(forecast.BySubPark, g => g.FiscalYear == 2028 && g.Key == "yizhuang").Amount.Fen);
        Assert.Equal(749_999_99L, Assert.Single(forecast.BySubPark, g => g.FiscalYear == 2028 && g.Key == "changping").Amount.Fen);
        foreach (var year in forecast.Years)
        {
            Assert.Equal(year.Forecast, forecast.ByField.Where(g => g.FiscalYear == year.FiscalYear).Aggregate(Money.Zero, (s, g) => s + g.Amount));
            Assert.Equal(year.Forecast, forecast.BySubPark.Where(g => g.FiscalYear == year.FiscalYear).Aggregate(Money.Zero, (s, g) => s + g.Amount));
        }
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public void All_pass_weighs_pending_years_at_one()
    {
        var forecast = FundingForecast.Compute(ForecastExamples.Input(), ForecastScenario.AllPass());

        // 2027: 5,000,000.00 + 3,600,000.00 + 24,000,000.00 = 32,600,000.00; 2028: 10,000,000.00 + 30,000,000.00 + 999,999.99 = 40,999,999.99.
        Assert.Equal(32_600_000_00L, forecast.Years[0].Forecast.Fen);
        Assert.Equal(40_999_999_99L, forecast.Years[1].Forecast.Fen);
    }

    [Fact]
    public void The_historic_rate_is_the_share_of_recorded_evaluations_that_passed()
    {
        var input = ForecastExamples.Input();
        var history = EvaluationHistory.Of(input.Platforms.SelectMany(p => p.Years));

        // Recorded evaluations = funding years 2+: B2 (passed) and C2 (not eligible) → 1 of 2.
        Assert.Equal(new EvaluationHistory(2, 1), history);
        var scenario = ForecastScenario.Historic(history);
        Assert.Equal(1, scenario.Weight.Numerator);
        Assert.Equal(2, scenario.Weight.Denominator);
        Assert.Contains("1 of 2 recorded annual evaluations passed", scenario.ExplanationEn, StringComparison.Ordinal);

        // A2: 3,600,000.00 × 1/2 = 1,800,000.00.
        var forecast = FundingForecast.Compute(input, scenario);
        Assert.Equal(1_800_000_00L, LineOf(forecast, "A", 2).Amount.Fen);
    }

    [Fact]
    public void With_no_recorded_evaluation_the_historic_rate_falls_back_to_one_and_says_so()
    {
        var scenario = ForecastScenario.Historic(new EvaluationHistory(0, 0));

        Assert.True(scenario.Weight.IsOne);
        Assert.Contains("falls back to 1", scenario.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("按1计", scenario.ExplanationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weight_of_one_third_rounds_each_figure_down_to_the_fen()
    {
        // ¥1,000,000.00 × 1/3 = 333,333.333… → ¥333,333.33.
        Assert.Equal(333_333_33L, PassWeight.Of(1, 3).Apply(Money.FromFen(1_000_000_00)).Fen);
        Assert.Equal("0.3333", PassWeight.Of(1, 3).Text);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.01")]
    [InlineData("0.12345")]
    public void A_rate_outside_0_to_1_or_finer_than_four_decimals_is_refused_naming_the_field(string rate)
    {
        var e = Assert.Throws<RuleViolationException>(() => ForecastScenario.Rate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("rate", e.Field);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public void An_unknown_scenario_or_a_rate_scenario_without_rate_is_refused()
    {
        Assert.Equal("scenario", Assert.Throws<RuleViolationException>(() => ForecastScenario.Parse("optimistic", null, () => new(0, 0))).Field);
        Assert.Equal("rate", Assert.Throws<RuleViolationException>(() => ForecastScenario.Parse("rate", null, () => new(0, 0))).Field);
        Assert.Equal(ScenarioKind.Rate, ForecastScenario.Parse("rate", 0.8m, () => new(0, 0)).Kind);
    }

    [Fact]
    public void A_year_in_a_run_of_a_later_fiscal_year_is_expected_in_that_year_and_a_draft_agreement_counts_its_year_one()
    {
        var signed = ForecastExamples.Platform("E 批次中", 40_000_000_00, false, "new-materials", "haidian", 0, 0, 4_000_000_00);
        var year1 = FundingYear.ForSignedAgreement(signed, ForecastExamples.Now);
        var run = DisbursementRun.Start(2028, "preparer", ForecastExamples.Now);
        run.Gather(year1, signed);
        var draft = ForecastExamples.Platform("F 草拟中", 20_000_000_00, false, "new-materials", "haidian", 0, 0, null, sign: false);
        var input = new ForecastInput(ForecastExamples.From, [new(signed, [year1]), new(draft, [])], new Dictionary<int, Money>(),
            new Dictionary<int, Money>(), new Dictionary<Guid, int> { [run.Id] = 2028 });

        var forecast = FundingForecast.Compute(input, ForecastScenario.AllPass());

        Assert.Equal(2028, LineOf(forecast, "E", 1).FiscalYear);
        // Draft, no award yet: the cap min(30 % × 20,000,000.00, 10,000,000.00) = 6,000,000.00, payable on signing (2027).
        var draftYear1 = LineOf(forecast, "F", 1);
        Assert.Equal(ObligationBasis.DraftYearOne, draftYear1.Basis);
        Assert.Equal(6_000_000_00L, draftYear1.Amount.Fen);
        Assert.Equal(2027, draftYear1.FiscalYear);
    }
}
