using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Funding.Domain.Forecast;

public enum ScenarioKind
{
    /// <summary>Every pending evaluation passes (weight 1): the most the programme can owe.</summary>
    AllPass,

    /// <summary>Pending evaluations pass at the rate observed so far (<see cref="EvaluationHistory"/>).</summary>
    Historic,

    /// <summary>Pending evaluations pass at a chosen rate between 0 and 1.</summary>
    Rate,
}

/// <summary>
/// How years 2 and later (R-A10-Y23: only after the previous year's evaluation passed) are weighted in a forecast.
/// Only platform-years whose evaluation is still pending are weighted; an award already decided, or a year already
/// opened by a passed evaluation, counts in full.
/// </summary>
public sealed record ForecastScenario(ScenarioKind Kind, PassWeight Weight, string ExplanationEn, string ExplanationZh)
{
    /// <summary>A chosen rate has at most this many decimals (0.8, 0.75, 0.3333), so that it is an exact fraction of 10,000.</summary>
    public const int RateDecimals = 4;

    private const long RateScale = 10_000;

    /// <summary>The name used in the API: all-pass, historic or rate.</summary>
    public string Name => NameOf(Kind);

    public static string NameOf(ScenarioKind kind) => kind switch
    {
        ScenarioKind.AllPass => "all-pass",
        ScenarioKind.Historic => "historic",
        _ => "rate",
    };

    public static ForecastScenario AllPass() => new(ScenarioKind.AllPass, PassWeight.One,
        "all pass: every pending evaluation is assumed to pass (weight 1)", "全部通过：假设所有待进行的考核评估均通过（权重1）");

    /// <summary>The observed pass rate; with no recorded evaluation yet, 1 (and the explanation says so).</summary>
    public static ForecastScenario Historic(EvaluationHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Evaluated == 0)
        {
            return new(ScenarioKind.Historic, PassWeight.One,
                "historic: no annual evaluation is recorded yet, so the pass rate falls back to 1 (as all pass)",
                "历史通过率：尚无年度考核评估记录，通过率按1计（同全部通过）");
        }

        var weight = PassWeight.Of(history.Passed, history.Evaluated);
        return new(ScenarioKind.Historic, weight,
            string.Create(CultureInfo.InvariantCulture,
                $"historic: {history.Passed} of {history.Evaluated} recorded annual evaluations passed, pass rate {history.Passed}/{history.Evaluated} = {weight.Text}"),
            string.Create(CultureInfo.InvariantCulture,
                $"历史通过率：已记录的{history.Evaluated}次年度考核评估中{history.Passed}次通过，通过率{history.Passed}/{history.Evaluated} = {weight.Text}"));
    }

    /// <summary>A chosen rate 0 ≤ rate ≤ 1 with at most four decimals; anything else is refused naming <c>rate</c>.</summary>
    public static ForecastScenario Rate(decimal rate)
    {
        if (rate < 0m || rate > 1m)
        {
            throw new RuleViolationException("rate", "forecast-rate", "The pass rate is between 0 and 1 (e.g. 0.8).", "通过率须在0至1之间（例如0.8）。");
        }

        var scaled = rate * RateScale;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new RuleViolationException("rate", "forecast-rate", $"The pass rate has at most {RateDecimals} decimals.", $"通过率最多保留{RateDecimals}位小数。");
        }

        var weight = PassWeight.Of((long)scaled, RateScale);
        return new(ScenarioKind.Rate, weight,
            string.Create(CultureInfo.InvariantCulture, $"chosen rate: every pending evaluation passes with probability {weight.Text}"),
            string.Create(CultureInfo.InvariantCulture, $"设定通过率：每项待进行的考核评估按{weight.Text}的概率通过"));
    }

    /// <summary>
    /// The scenario named in a request: <c>all-pass</c> (default), <c>historic</c> or <c>rate</c> (which needs
    /// <paramref name="rate"/>). The history is only read for <c>historic</c>.
    /// </summary>
    public static ForecastScenario Parse(string? scenario, decimal? rate, Func<EvaluationHistory> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        switch (scenario?.Trim().ToLowerInvariant())
        {
            case null or "" or "all-pass":
                return AllPass();
            case "historic":
                return Historic(history());
            case "rate":
                return rate is { } r
                    ? Rate(r)
                    : throw new RuleViolationException("rate", "forecast-rate", "The rate scenario needs a rate between 0 and 1 (e.g. rate=0.8).",
                        "设定通过率情景须提供0至1之间的通过率（例如 rate=0.8）。");
            default:
                throw new RuleViolationException("scenario", "forecast-scenario", "The scenario is all-pass, historic or rate.",
                    "情景须为 all-pass（全部通过）、historic（历史通过率）或 rate（设定通过率）。");
        }
    }
}

/// <summary>
/// The annual evaluations recorded in the funding database. Each <c>AnnualEvaluationCompleted</c> of construction
/// year N opens the funding year N+1 (R-A10-Y23): not eligible when the evaluation failed, otherwise in any other
/// status (awaiting award, due, in a run, paid, or cancelled later by a termination). So the recorded evaluations are
/// the funding years 2 and later, and the passed ones are those not <see cref="FundingYearStatus.NotEligible"/>.
/// Evaluations that open no funding year (the last construction year's, or those of agreements not in force) are not
/// recorded here and do not count.
/// </summary>
public sealed record EvaluationHistory(int Evaluated, int Passed)
{
    public static EvaluationHistory Of(IEnumerable<FundingYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var evaluated = 0;
        var passed = 0;
        foreach (var year in years.Where(y => y.ConstructionYear >= 2))
        {
            evaluated++;
            if (year.Status != FundingYearStatus.NotEligible)
            {
                passed++;
            }
        }

        return new(evaluated, passed);
    }
}
