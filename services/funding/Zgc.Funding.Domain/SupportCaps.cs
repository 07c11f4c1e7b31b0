using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

/// <summary>
/// A support cap with the reason for it: the rule it comes from, the base it was computed on, the ceiling, and the
/// formula written out with the numbers (English and Chinese), so that the API can show why an amount is the limit.
/// </summary>
public sealed record SupportCap(
    int ConstructionYear,
    string Rule,
    Money Base,
    Money ThirtyPercentOfBase,
    Money Ceiling,
    Money Amount,
    string ExplanationEn,
    string ExplanationZh);

/// <summary>
/// The pure calculator of Art. 10 (R-A10-BASE, -Y1, -Y23, -MAJOR). The ratio is applied once, rounded down to the
/// fen by <see cref="Money.MultiplyRoundedDown"/> (the system's only rounding), and the result is the smaller of that
/// and the ceiling. An award may be lower than the cap but never higher (<see cref="CheckAward"/>). The figures come
/// from the agreement's <see cref="FundingRules"/> (its policy version); without them, from the 2019 Trial Measures.
/// </summary>
public static class SupportCaps
{
    /// <summary>
    /// Year 1 (R-A10-Y1): min(30 % of the support base, CNY 10,000,000), or the CNY 30,000,000 ceiling for an especially
    /// major platform (R-A10-MAJOR). The base excludes land and construction-installation (R-A10-BASE).
    /// </summary>
    public static SupportCap ForYearOne(Money supportBase, bool especiallyMajor, FundingRules? rules = null) =>
        Compute(1, supportBase, especiallyMajor, "支持基数（不含土地投资和建安成本）", "support base (land and construction-installation excluded)",
            rules ?? FundingRules.TrialMeasures2019);

    /// <summary>
    /// Years 2 and 3 (R-A10-Y23): only after the previous year's evaluation passed; min(30 % of that year's accepted
    /// self-raised eligible investment, the same ceiling as year 1).
    /// </summary>
    public static SupportCap ForLaterYear(int constructionYear, Money acceptedSelfRaisedEligibleInvestment, bool especiallyMajor,
        bool previousEvaluationPassed, FundingRules? rules = null)
    {
        rules ??= FundingRules.TrialMeasures2019;
        if (constructionYear < 2 || constructionYear > rules.ConstructionYears)
        {
            throw new RuleViolationException("constructionYear", "R-A10-Y23",
                $"Only construction years 2 to {rules.ConstructionYears} follow an evaluation (policy {rules.PolicyVersion}).",
                $"仅第2至第{rules.ConstructionYears}年度的支持以考核评估为前提（政策版本{rules.PolicyVersion}）。");
        }

        if (!previousEvaluationPassed)
        {
            throw new RuleViolationException("constructionYear", "R-A10-Y23",
                $"Year {constructionYear} support needs a passed evaluation of year {constructionYear - 1}.",
                $"第{constructionYear}年度资金支持须以第{constructionYear - 1}年度考核评估通过为前提。", RuleViolationException.ConflictStatus);
        }

        return Compute(constructionYear, acceptedSelfRaisedEligibleInvestment, especiallyMajor, "经认定的当年度自筹资金（符合支持范围）",
            "accepted self-raised eligible investment of the year", rules);
    }

    /// <summary>An award is a whole number of fen between zero and the cap (Art. 10: "最高不超过").</summary>
    public static Money CheckAward(Money award, SupportCap cap, string field = "amountFen")
    {
        ArgumentNullException.ThrowIfNull(cap);
        if (award.IsNegative)
        {
            throw new RuleViolationException(field, cap.Rule, "A support award cannot be negative.", "资金支持金额不能为负数。");
        }

        if (award > cap.Amount)
        {
            throw new RuleViolationException(field, cap.Rule,
                $"The award {award} is above the cap of {cap.Amount} for construction year {cap.ConstructionYear}: {cap.ExplanationEn}",
                $"支持金额{award}超过第{cap.ConstructionYear}年度上限{cap.Amount}：{cap.ExplanationZh}");
        }

        return award;
    }

    private static SupportCap Compute(int year, Money basis, bool especiallyMajor, string basisZh, string basisEn, FundingRules rules)
    {
        if (basis.IsNegative)
        {
            throw new RuleViolationException(year == 1 ? "supportBaseFen" : "acceptedSelfRaisedEligibleInvestmentFen", "R-A10-BASE",
                "The base of a support cap cannot be negative.", "资金支持的计算基数不能为负数。");
        }

        // The one rounding: the ratio (30 % in 2019) of the base, down to the fen (never above the exact value).
        var ratio = rules.RatioPercent;
        var share = basis.MultiplyRoundedDown(ratio, 100);
        var ceiling = rules.CeilingFor(especiallyMajor);
        var amount = Money.Min(share, ceiling);
        var rule = especiallyMajor ? "R-A10-MAJOR" : year == 1 ? "R-A10-Y1" : "R-A10-Y23";
        var ceilingEn = especiallyMajor ? "especially major platform ceiling" : "ceiling";
        var ceilingZh = especiallyMajor ? "特别重大创新平台上限" : "上限";
        var en = string.Create(CultureInfo.InvariantCulture,
            $"Year {year} cap = min({ratio}% × {basisEn} {basis}, {ceilingEn} {ceiling}) = min({share}, {ceiling}) = {amount} ({ratio}% rounded down to the fen; {rule}; policy {rules.PolicyVersion}).");
        var zh = string.Create(CultureInfo.InvariantCulture,
            $"第{year}年度上限 = min({ratio}% × {basisZh}{basis}，{ceilingZh}{ceiling}) = min({share}，{ceiling}) = {amount}（{ratio}%向下取整到分；{rule}；政策版本{rules.PolicyVersion}）。");
        return new SupportCap(year, rule, basis, share, ceiling, amount, en, zh);
    }
}
