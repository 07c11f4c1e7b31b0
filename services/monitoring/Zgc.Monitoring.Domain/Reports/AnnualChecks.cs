using System.Globalization;
using System.Numerics;

namespace Zgc.Monitoring.Domain.Reports;

public enum CheckOutcome
{
    Passed,
    Failed,

    /// <summary>Not required this year (e.g. a year-on-year check in the first construction year).</summary>
    NotApplicable,

    /// <summary>Cannot be computed (no reference figure, no previous report): holds only when overridden.</summary>
    Unknown,
}

/// <summary>One computed evaluation check (R-A8-*), possibly overridden by the monitoring officer with a reason.</summary>
public sealed class CheckResult
{
    public string Code { get; set; } = "";

    public string Rule { get; set; } = "";

    public CheckOutcome Computed { get; set; }

    public string Detail { get; set; } = "";

    /// <summary>The officer's verdict replacing <see cref="Computed"/>; null when not overridden.</summary>
    public bool? OverriddenTo { get; set; }

    public string? OverrideReason { get; set; }

    /// <summary>Whether the check counts as met for the grade.</summary>
    public bool Holds => OverriddenTo ?? Computed is CheckOutcome.Passed or CheckOutcome.NotApplicable;
}

/// <summary>What the checks of one year need.</summary>
/// <param name="ConstructionYear">The construction year evaluated (1 = first).</param>
/// <param name="Current">The year's indicators.</param>
/// <param name="ZgcAverageBasisPoints">The ZGC average R&amp;D intensity of the report's year (R-A8-RD); null when not set.</param>
/// <param name="Previous">The previous construction year's indicators; null in year 1 or when missing.</param>
/// <param name="Baseline">The earliest earlier year's indicators and its construction year, the base of the average revenue growth.</param>
/// <param name="ConstructionYears">Length of the construction period in years.</param>
public sealed record CheckInputs(int ConstructionYear, AnnualIndicators Current, int? ZgcAverageBasisPoints, AnnualIndicators? Previous,
    (int Year, AnnualIndicators Indicators)? Baseline, int ConstructionYears);

/// <summary>
/// The computed checks of an annual evaluation (R-A14-EVAL against Art. 8). All comparisons are exact integer
/// arithmetic on fen and counts: no rounding decides a boundary.
/// </summary>
public static class AnnualChecks
{
    public const string RdAtLeastAverage = "rd-intensity-at-least-zgc-average";
    public const string RdRising = "rd-intensity-rising";
    public const string SmesRising = "smes-driven-rising";
    public const string SmeRevenueGrowth = "driven-revenue-growth-15";
    public const string ServedOnCourse = "enterprises-served-on-course";

    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RdAtLeastAverage, RdRising, SmesRising, SmeRevenueGrowth, ServedOnCourse,
    };

    /// <summary>Enterprises served (家次), cumulative, by the end of the construction period (R-A8-SERVED).</summary>
    public const int ServedTarget = 50;

    /// <summary>Average yearly growth of driven enterprises' revenue, in percent (R-A8-SME).</summary>
    public const int GrowthPercent = 15;

    public static IReadOnlyList<CheckResult> Compute(CheckInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return [RdAverage(inputs), RdYearOnYear(inputs), Smes(inputs), Growth(inputs), Served(inputs)];
    }

    /// <summary>Rd / Revenue ≥ average / 10000 ⇔ Rd × 10000 ≥ average × Revenue (equal passes).</summary>
    private static CheckResult RdAverage(CheckInputs i)
    {
        var result = Result(RdAtLeastAverage, "R-A8-RD");
        if (i.ZgcAverageBasisPoints is not { } average)
        {
            return result.With(CheckOutcome.Unknown, "No ZGC average R&D intensity is set for the year.");
        }

        if (i.Current.Revenue.Fen <= 0)
        {
            return result.With(CheckOutcome.Unknown, "No revenue reported: R&D intensity is undefined.");
        }

        var passed = (Int128)i.Current.RdExpenditure.Fen * 10_000 >= (Int128)average * i.Current.Revenue.Fen;
        return result.With(passed ? CheckOutcome.Passed : CheckOutcome.Failed,
            F($"R&D intensity {i.Current.RdIntensityBasisPoints} bp (rounded down) against the ZGC average {average} bp."));
    }

    /// <summary>Rd1 / Rev1 &gt; Rd0 / Rev0 ⇔ Rd1 × Rev0 &gt; Rd0 × Rev1 (strictly above: "逐年提高").</summary>
    private static CheckResult RdYearOnYear(CheckInputs i)
    {
        var result = Result(RdRising, "R-A8-RD");
        if (i.ConstructionYear == 1)
        {
            return result.With(CheckOutcome.NotApplicable, "First construction year: no previous year to compare.");
        }

        if (i.Previous is not { } previous || previous.Revenue.Fen <= 0 || i.Current.Revenue.Fen <= 0)
        {
            return result.With(CheckOutcome.Unknown, "The previous year's report or a revenue is missing.");
        }

        var passed = (Int128)i.Current.RdExpenditure.Fen * previous.Revenue.Fen > (Int128)previous.RdExpenditure.Fen * i.Current.Revenue.Fen;
        return result.With(passed ? CheckOutcome.Passed : CheckOutcome.Failed,
            F($"R&D intensity {i.Current.RdIntensityBasisPoints} bp against {previous.RdIntensityBasisPoints} bp the year before (rounded down)."));
    }

    private static CheckResult Smes(CheckInputs i)
    {
        var result = Result(SmesRising, "R-A8-SME");
        if (i.ConstructionYear == 1)
        {
            return result.With(CheckOutcome.NotApplicable, "First construction year: no previous year to compare.");
        }

        if (i.Previous is not { } previous)
        {
            return result.With(CheckOutcome.Unknown, "The previous year's report is missing.");
        }

        return result.With(i.Current.SmesDriven > previous.SmesDriven ? CheckOutcome.Passed : CheckOutcome.Failed,
            F($"{i.Current.SmesDriven} SMEs driven against {previous.SmesDriven} the year before."));
    }

    /// <summary>
    /// Average growth over n years ≥ 15 % ⇔ (Rn / R0)^(1/n) ≥ 1.15 ⇔ Rn × 100^n ≥ R0 × 115^n, exact in big integers
    /// (exactly 15 % a year passes).
    /// </summary>
    private static CheckResult Growth(CheckInputs i)
    {
        var result = Result(SmeRevenueGrowth, "R-A8-SME");
        if (i.ConstructionYear == 1)
        {
            return result.With(CheckOutcome.NotApplicable, "First construction year: growth is measured from the first year on.");
        }

        if (i.Baseline is not var (baseYear, baseline) || baseYear >= i.ConstructionYear)
        {
            return result.With(CheckOutcome.Unknown, "No earlier year's report to measure growth from.");
        }

        var years = i.ConstructionYear - baseYear;
        var left = new BigInteger(i.Current.DrivenSmeRevenue.Fen) * BigInteger.Pow(100, years);
        var right = new BigInteger(baseline.DrivenSmeRevenue.Fen) * BigInteger.Pow(100 + GrowthPercent, years);
        return result.With(left >= right ? CheckOutcome.Passed : CheckOutcome.Failed,
            F($"Driven revenue {i.Current.DrivenSmeRevenue} in year {i.ConstructionYear} against {baseline.DrivenSmeRevenue} in year {baseYear}: needs at least {GrowthPercent} % a year on average over {years} year(s)."));
    }

    /// <summary>
    /// On course for 50 by the end of the period: at least 50 × year / period so far (pro rata), i.e.
    /// served × period ≥ 50 × year; in the last year that is 50 itself.
    /// </summary>
    private static CheckResult Served(CheckInputs i)
    {
        var result = Result(ServedOnCourse, "R-A8-SERVED");
        var period = Math.Max(i.ConstructionYears, 1);
        var year = Math.Min(i.ConstructionYear, period);
        var passed = (long)i.Current.EnterprisesServed * period >= (long)ServedTarget * year;
        return result.With(passed ? CheckOutcome.Passed : CheckOutcome.Failed,
            F($"{i.Current.EnterprisesServed} enterprises served so far; on course means at least {ServedTarget} × {year}/{period} by year {year}."));
    }

    private static CheckResult Result(string code, string rule) => new() { Code = code, Rule = rule };

    private static CheckResult With(this CheckResult result, CheckOutcome outcome, string detail)
    {
        result.Computed = outcome;
        result.Detail = detail;
        return result;
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Applies the officer's overrides (each with a reason) to computed checks.</summary>
    public static IReadOnlyList<CheckResult> Override(IReadOnlyList<CheckResult> computed, IReadOnlyList<(string Check, bool Holds, string? Reason)> overrides)
    {
        ArgumentNullException.ThrowIfNull(computed);
        ArgumentNullException.ThrowIfNull(overrides);
        for (var n = 0; n < overrides.Count; n++)
        {
            var (check, holds, reason) = overrides[n];
            var target = computed.FirstOrDefault(c => c.Code == check)
                ?? throw Rules.Invalid($"overrides[{n}].check", AnnualReport.EvaluationRule, $"Unknown check '{check}'.", $"未知的考核项“{check}”。");
            target.OverriddenTo = holds;
            target.OverrideReason = Rules.Text(reason, $"overrides[{n}].reason", AnnualReport.EvaluationRule, 2000, "调整理由");
        }

        return computed;
    }
}
