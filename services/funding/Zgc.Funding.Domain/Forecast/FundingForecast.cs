using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Funding.Domain.Forecast;

/// <summary>
/// The funding forecast (issue 14): for the fiscal year of a date and the two after it, what the programme is expected
/// to pay under every agreement not terminated. A pure function of its <see cref="ForecastInput"/>; it reads the
/// agreements and their years and changes nothing.
/// <list type="bullet">
/// <item>Year 1: the award decided and not yet paid (due or in a run); for a draft agreement its award if decided, else
/// its cap (R-A10-Y1 / R-A10-MAJOR). Counted in full.</item>
/// <item>A year opened by a passed evaluation (R-A10-Y23): its award if decided, else its cap. Counted in full.</item>
/// <item>A later year whose evaluation is pending: min(ratio × planned investment, ceiling), where the planned investment
/// is the agreement's investment-scale target for that year (the support base when the agreement has none), weighted by
/// the scenario's pass weight and rounded down to the fen. Each year depends only on the previous year's evaluation
/// (R-A10-Y23), so one weight applies; it is not compounded.</item>
/// <item>Paid, not-eligible and cancelled years are left out, and so are terminated agreements.</item>
/// </list>
/// Timing: a payable year (due, awaiting award, draft year 1) is expected in the first fiscal year (or its run's fiscal
/// year when later); a pending year in the fiscal year its construction year starts, or the first fiscal year if that
/// has passed. Figures after the third fiscal year are summed as "beyond the horizon". Totals are sums of the rounded
/// per-year figures, so every total adds up to the fen.
/// </summary>
public static class FundingForecast
{
    /// <param name="input">The snapshot.</param>
    /// <param name="scenario">How pending evaluations are weighted.</param>
    /// <param name="rulesFor">The figures applied to an agreement; by default its own (the policy version copied onto it).</param>
    /// <param name="overrideLabel">For a what-if: the label of the overriding rules (shown in the result).</param>
    public static ForecastResult Compute(ForecastInput input, ForecastScenario scenario, Func<Agreement, FundingRules>? rulesFor = null,
        string? overrideLabel = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(scenario);
        rulesFor ??= a => a.Rules;
        var lines = new List<ForecastLine>();
        var excluded = 0;
        foreach (var platform in input.Platforms.OrderBy(p => p.Agreement.PlatformName, StringComparer.Ordinal).ThenBy(p => p.Agreement.Id))
        {
            if (platform.Agreement.Status == AgreementStatus.Terminated)
            {
                excluded++;
                continue;
            }

            lines.AddRange(PlatformLines(input, scenario, platform, rulesFor(platform.Agreement)));
        }

        var inHorizon = lines.Where(l => l.FiscalYear <= input.LastFiscalYear).ToList();
        var beyond = lines.Where(l => l.FiscalYear > input.LastFiscalYear).ToList();
        var years = Enumerable.Range(input.FirstFiscalYear, ForecastInput.Horizon)
            .Select(fy => Year(fy, inHorizon.Where(l => l.FiscalYear == fy).ToList(), input))
            .ToList();
        return new ForecastResult(input.From, scenario, overrideLabel, years, Groups(inHorizon, l => l.IndustryField), Groups(inHorizon, l => l.SubPark),
            inHorizon, Sum(inHorizon), Sum(beyond), beyond.Count, excluded);
    }

    private static IEnumerable<ForecastLine> PlatformLines(ForecastInput input, ForecastScenario scenario, PlatformRecord platform, FundingRules rules)
    {
        var agreement = platform.Agreement;
        var years = platform.Years.Where(y => y.AgreementId == agreement.Id).ToDictionary(y => y.ConstructionYear);
        for (var n = 1; n <= rules.ConstructionYears; n++)
        {
            years.TryGetValue(n, out var year);
            var line = year is null ? Pending(input, scenario, agreement, rules, n) : Opened(input, agreement, rules, year);
            if (line is not null)
            {
                yield return line;
            }
        }
    }

    /// <summary>A year that exists: counted in full unless it is paid, not eligible or cancelled.</summary>
    private static ForecastLine? Opened(ForecastInput input, Agreement agreement, FundingRules rules, FundingYear year)
    {
        if (year.Status is FundingYearStatus.Paid or FundingYearStatus.NotEligible or FundingYearStatus.Cancelled)
        {
            return null;
        }

        var cap = year.ConstructionYear == 1
            ? SupportCaps.ForYearOne(agreement.SupportBase, agreement.EspeciallyMajor, rules)
            : SupportCaps.ForLaterYear(year.ConstructionYear, year.CapBase, agreement.EspeciallyMajor, previousEvaluationPassed: true, rules);
        var (fiscalYear, whenEn, whenZh) = year.Status == FundingYearStatus.InRun && year.RunId is { } run && input.RunFiscalYears.TryGetValue(run, out var runYear)
            && runYear > input.FirstFiscalYear
            ? (runYear, string.Create(CultureInfo.InvariantCulture, $"in a disbursement run of fiscal year {runYear}"),
                string.Create(CultureInfo.InvariantCulture, $"已纳入{runYear}财政年度拨付批次"))
            : (input.FirstFiscalYear, "payable now", "已可拨付");
        if (year.Award is { } award && year.Status is FundingYearStatus.Due or FundingYearStatus.InRun)
        {
            var (amount, en, zh) = AwardUnder(award, year.Cap, cap);
            return Line(agreement, rules, year.ConstructionYear, fiscalYear, ObligationBasis.Award, cap.Amount, PassWeight.One, amount,
                string.Create(CultureInfo.InvariantCulture,
                    $"Year {year.ConstructionYear} award decided, not yet paid ({year.Status}); counted in full (no evaluation pending). {en} Expected in fiscal year {fiscalYear} ({whenEn})."),
                string.Create(CultureInfo.InvariantCulture,
                    $"第{year.ConstructionYear}年度支持金额已确定、尚未拨付（{year.Status}）；全额计入（无待进行的考核评估）。{zh}预计于{fiscalYear}财政年度拨付（{whenZh}）。"));
        }

        return Line(agreement, rules, year.ConstructionYear, fiscalYear, ObligationBasis.OpenedCap, cap.Amount, PassWeight.One, cap.Amount,
            string.Create(CultureInfo.InvariantCulture,
                $"Year {year.ConstructionYear} opened by a passed evaluation, awaiting the committee's award: the cap counts in full. {cap.ExplanationEn} Expected in fiscal year {fiscalYear} ({whenEn})."),
            string.Create(CultureInfo.InvariantCulture,
                $"第{year.ConstructionYear}年度考核评估已通过、待管委会确定支持金额：按上限全额计入。{cap.ExplanationZh}预计于{fiscalYear}财政年度拨付（{whenZh}）。"));
    }

    /// <summary>A year not opened yet: year 1 of a draft agreement, or a later year whose evaluation is pending.</summary>
    private static ForecastLine? Pending(ForecastInput input, ForecastScenario scenario, Agreement agreement, FundingRules rules, int n)
    {
        var startsOn = agreement.ConstructionStartsOn.AddYears(n - 1);
        var fiscalYear = Math.Max(input.FirstFiscalYear, startsOn.Year);
        var whenEn = string.Create(CultureInfo.InvariantCulture, $"construction year {n} starts {startsOn:yyyy-MM-dd}");
        var whenZh = string.Create(CultureInfo.InvariantCulture, $"第{n}建设年度自{startsOn:yyyy-MM-dd}开始");
        if (n == 1)
        {
            if (agreement.Status != AgreementStatus.Draft)
            {
                return null; // a signed agreement has its year-1 row; without one there is nothing to owe
            }

            var cap = SupportCaps.ForYearOne(agreement.SupportBase, agreement.EspeciallyMajor, rules);
            var (amount, en, zh) = agreement.Year1Award is { } award
                ? AwardUnder(award, agreement.Year1Cap.Amount, cap)
                : (cap.Amount, "No award decided yet: the cap counts. " + cap.ExplanationEn, "尚未确定支持金额：按上限计入。" + cap.ExplanationZh);
            return Line(agreement, rules, 1, fiscalYear, ObligationBasis.DraftYearOne, cap.Amount, PassWeight.One, amount,
                string.Create(CultureInfo.InvariantCulture,
                    $"Year 1 of an agreement being drafted, payable on signing; counted in full. {en} Expected in fiscal year {fiscalYear} ({whenEn})."),
                string.Create(CultureInfo.InvariantCulture,
                    $"协议草拟中，第1年度资金于签署后拨付；全额计入。{zh}预计于{fiscalYear}财政年度拨付（{whenZh}）。"));
        }

        var target = n switch
        {
            2 => agreement.Targets.Year2.InvestmentScaleFen,
            3 => agreement.Targets.Year3.InvestmentScaleFen,
            _ => 0,
        };
        var planned = target > 0 ? Money.FromFen(target) : agreement.SupportBase;
        var sourceEn = target > 0
            ? string.Create(CultureInfo.InvariantCulture, $"the agreement's year-{n} investment-scale target")
            : string.Create(CultureInfo.InvariantCulture, $"no year-{n} investment target in the agreement: the support base is assumed");
        var sourceZh = target > 0
            ? string.Create(CultureInfo.InvariantCulture, $"协议第{n}年度投资规模目标")
            : string.Create(CultureInfo.InvariantCulture, $"协议未约定第{n}年度投资目标，按支持基数估算");
        var later = SupportCaps.ForLaterYear(n, planned, agreement.EspeciallyMajor, previousEvaluationPassed: true, rules);
        var weight = scenario.Weight;
        var weighted = weight.Apply(later.Amount);
        var ceilingEn = agreement.EspeciallyMajor ? "especially major platform ceiling" : "ceiling";
        var ceilingZh = agreement.EspeciallyMajor ? "特别重大创新平台上限" : "上限";
        return Line(agreement, rules, n, fiscalYear, ObligationBasis.PlannedCap, later.Amount, weight, weighted,
            string.Create(CultureInfo.InvariantCulture,
                $"Year {n} cap = min({rules.RatioPercent}% × planned investment {planned} ({sourceEn}), {ceilingEn} {later.Ceiling}) = min({later.ThirtyPercentOfBase}, {later.Ceiling}) = {later.Amount}; × pass weight {weight.Text} ({scenario.ExplanationEn}) = {weighted}, rounded down to the fen ({later.Rule}; policy {rules.PolicyVersion}). Expected in fiscal year {fiscalYear} ({whenEn}), if the year {n - 1} evaluation passes."),
            string.Create(CultureInfo.InvariantCulture,
                $"第{n}年度上限 = min({rules.RatioPercent}% × 计划投资{planned}（{sourceZh}），{ceilingZh}{later.Ceiling}) = min({later.ThirtyPercentOfBase}，{later.Ceiling}) = {later.Amount}；× 通过权重{weight.Text}（{scenario.ExplanationZh}）= {weighted}，向下取整到分（{later.Rule}；政策版本{rules.PolicyVersion}）。如第{n - 1}年度考核评估通过，预计于{fiscalYear}财政年度拨付（{whenZh}）。"));
    }

    /// <summary>
    /// An award under the rules applied: unchanged when the cap is unchanged; under other rules (a what-if) an award
    /// that was at its cap follows the new cap, and one below its cap is kept but never above the new cap.
    /// </summary>
    private static (Money Amount, string En, string Zh) AwardUnder(Money award, Money recordedCap, SupportCap cap)
    {
        if (cap.Amount == recordedCap)
        {
            return (award, string.Create(CultureInfo.InvariantCulture, $"Award {award} (cap {cap.Amount})."),
                string.Create(CultureInfo.InvariantCulture, $"支持金额{award}（上限{cap.Amount}）。"));
        }

        if (award == recordedCap)
        {
            return (cap.Amount,
                string.Create(CultureInfo.InvariantCulture, $"The award {award} was at its cap, so it follows the cap under these rules: {cap.ExplanationEn}"),
                string.Create(CultureInfo.InvariantCulture, $"原支持金额{award}等于上限，按本规则的上限计：{cap.ExplanationZh}"));
        }

        var amount = Money.Min(award, cap.Amount);
        return (amount,
            string.Create(CultureInfo.InvariantCulture, $"The award {award} is kept, never above the cap under these rules: min({award}, {cap.Amount}) = {amount}. {cap.ExplanationEn}"),
            string.Create(CultureInfo.InvariantCulture, $"原支持金额{award}保持不变，但不超过本规则的上限：min({award}，{cap.Amount}) = {amount}。{cap.ExplanationZh}"));
    }

    private static ForecastLine Line(Agreement a, FundingRules rules, int constructionYear, int fiscalYear, ObligationBasis basis, Money cap, PassWeight weight,
        Money amount, string en, string zh) =>
        new(a.Id, a.ApplicationId, a.PlatformName, a.UnitName, a.IndustryField, a.SubPark, a.EspeciallyMajor, rules.PolicyVersion, constructionYear, fiscalYear,
            basis, cap, weight, amount, en, zh);

    private static ForecastYear Year(int fiscalYear, List<ForecastLine> lines, ForecastInput input)
    {
        var total = Sum(lines);
        var certain = Sum(lines.Where(l => l.Weight.IsOne));
        var weighted = total - certain;
        var paid = input.PaidByFiscalYear.TryGetValue(fiscalYear, out var p) ? p : Money.Zero;
        var basisEn = string.Create(CultureInfo.InvariantCulture,
            $"Forecast {total} = certain {certain} + weighted {weighted} over {lines.Count} platform-year(s).");
        var basisZh = string.Create(CultureInfo.InvariantCulture, $"预测{total} = 确定部分{certain} + 加权部分{weighted}（共{lines.Count}个平台年度）。");
        if (!input.Budgets.TryGetValue(fiscalYear, out var budget))
        {
            return new(fiscalYear, total, certain, weighted, lines.Count, null, paid, null,
                basisEn + string.Create(CultureInfo.InvariantCulture, $" No budget is set for fiscal year {fiscalYear}."),
                basisZh + string.Create(CultureInfo.InvariantCulture, $"{fiscalYear}财政年度尚未设定预算。"));
        }

        var headroom = budget - paid - total;
        var verdictEn = headroom.IsNegative ? "a shortfall" : "left over";
        var verdictZh = headroom.IsNegative ? "缺口" : "结余";
        return new(fiscalYear, total, certain, weighted, lines.Count, budget, paid, headroom,
            basisEn + string.Create(CultureInfo.InvariantCulture,
                $" Budget {budget} − paid so far {paid} − forecast {total} = {headroom} ({verdictEn})."),
            basisZh + string.Create(CultureInfo.InvariantCulture, $"预算{budget} − 已拨付{paid} − 预测{total} = {headroom}（{verdictZh}）。"));
    }

    private static List<ForecastGroup> Groups(List<ForecastLine> lines, Func<ForecastLine, string> key) =>
        [.. lines.GroupBy(l => (l.FiscalYear, Key: key(l)))
            .OrderBy(g => g.Key.FiscalYear).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new ForecastGroup(g.Key.FiscalYear, g.Key.Key, Sum(g), g.Count()))];

    private static Money Sum(IEnumerable<ForecastLine> lines) => lines.Aggregate(Money.Zero, (s, l) => s + l.Amount);
}
