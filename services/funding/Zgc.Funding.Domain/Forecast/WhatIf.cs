using Zgc.SharedKernel;

namespace Zgc.Funding.Domain.Forecast;

/// <summary>One fiscal year: today's forecast and the what-if's.</summary>
public sealed record WhatIfYear(int FiscalYear, Money Current, Money WhatIf, Money Difference, Money? Budget, Money? CurrentHeadroom, Money? WhatIfHeadroom);

/// <summary>One platform-year in either forecast, side by side (a year only one side has counts as zero on the other).</summary>
public sealed record WhatIfLine(
    Guid AgreementId,
    string PlatformName,
    string IndustryField,
    string SubPark,
    int ConstructionYear,
    int FiscalYear,
    Money Current,
    Money WhatIf,
    Money Difference,
    string? CurrentExplanationEn,
    string? CurrentExplanationZh,
    string? WhatIfExplanationEn,
    string? WhatIfExplanationZh);

/// <summary>Today's obligations and those under a what-if policy, with the differences (what-if − today).</summary>
public sealed record WhatIfComparison(
    PolicyOverride Policy,
    string DescriptionEn,
    string DescriptionZh,
    ForecastResult Current,
    ForecastResult WhatIf,
    IReadOnlyList<WhatIfYear> Years,
    IReadOnlyList<WhatIfLine> Lines,
    Money CurrentTotal,
    Money WhatIfTotal,
    Money Difference);

/// <summary>
/// Scenario replay: the same snapshot forecast twice, once under each agreement's own figures and once under the
/// override (<see cref="PolicyOverride.ApplyTo"/>). Pure: the agreements are read, never changed — the what-if rules
/// are passed to the calculator, not written onto the agreements.
/// </summary>
public static class WhatIf
{
    public static WhatIfComparison Compare(ForecastInput input, ForecastScenario scenario, PolicyOverride policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validated();
        var current = FundingForecast.Compute(input, scenario);
        var whatIf = FundingForecast.Compute(input, scenario, a => policy.ApplyTo(a.Rules), policy.Label);
        var years = current.Years.Zip(whatIf.Years, (c, w) => new WhatIfYear(c.FiscalYear, c.Forecast, w.Forecast, w.Forecast - c.Forecast, c.Budget,
            c.Headroom, w.Headroom)).ToList();
        var byKey = current.Lines.ToDictionary(l => (l.AgreementId, l.ConstructionYear));
        var whatIfByKey = whatIf.Lines.ToDictionary(l => (l.AgreementId, l.ConstructionYear));
        var lines = byKey.Keys.Union(whatIfByKey.Keys)
            .Select(k => (C: byKey.GetValueOrDefault(k), W: whatIfByKey.GetValueOrDefault(k)))
            .Select(p =>
            {
                var any = (p.C ?? p.W)!;
                var c = p.C?.Amount ?? Money.Zero;
                var w = p.W?.Amount ?? Money.Zero;
                return new WhatIfLine(any.AgreementId, any.PlatformName, any.IndustryField, any.SubPark, any.ConstructionYear, any.FiscalYear, c, w, w - c,
                    p.C?.ExplanationEn, p.C?.ExplanationZh, p.W?.ExplanationEn, p.W?.ExplanationZh);
            })
            .OrderBy(l => l.FiscalYear).ThenBy(l => l.PlatformName, StringComparer.Ordinal).ThenBy(l => l.AgreementId).ThenBy(l => l.ConstructionYear)
            .ToList();
        var (en, zh) = policy.Describe();
        return new WhatIfComparison(policy, en, zh, current, whatIf, years, lines, current.Total, whatIf.Total, whatIf.Total - current.Total);
    }
}
