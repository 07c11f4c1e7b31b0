using System.Globalization;
using Zgc.Funding.Domain.Forecast;

namespace Zgc.Funding.Features.Forecast;

/// <summary>A pass weight: the exact fraction applied and its value.</summary>
public sealed record WeightView(long Numerator, long Denominator, decimal Value, string Text)
{
    public static WeightView From(PassWeight w) => new(w.Numerator, w.Denominator, w.Value, w.Text);
}

public sealed record ForecastYearView(int FiscalYear, long ForecastFen, long CertainFen, long WeightedFen, int Lines, long? BudgetFen, long PaidSoFarFen,
    long? HeadroomFen, string ExplanationEn, string ExplanationZh)
{
    public static ForecastYearView From(ForecastYear y) => new(y.FiscalYear, y.Forecast.Fen, y.Certain.Fen, y.Weighted.Fen, y.Lines, y.Budget?.Fen,
        y.PaidSoFar.Fen, y.Headroom?.Fen, y.ExplanationEn, y.ExplanationZh);
}

public sealed record ForecastGroupView(int FiscalYear, string Key, long AmountFen, int Lines)
{
    public static ForecastGroupView From(ForecastGroup g) => new(g.FiscalYear, g.Key, g.Amount.Fen, g.Lines);
}

public sealed record ForecastLineView(Guid AgreementId, Guid ApplicationId, string PlatformName, string UnitName, string IndustryField, string SubPark,
    bool EspeciallyMajor, string PolicyVersion, int ConstructionYear, int FiscalYear, string Basis, long CapFen, WeightView Weight, long AmountFen,
    string ExplanationEn, string ExplanationZh)
{
    public static ForecastLineView From(ForecastLine l) => new(l.AgreementId, l.ApplicationId, l.PlatformName, l.UnitName, l.IndustryField, l.SubPark,
        l.EspeciallyMajor, l.PolicyVersion, l.ConstructionYear, l.FiscalYear, BasisName(l.Basis), l.Cap.Fen, WeightView.From(l.Weight), l.Amount.Fen,
        l.ExplanationEn, l.ExplanationZh);

    public static string BasisName(ObligationBasis basis) => basis switch
    {
        ObligationBasis.Award => "award",
        ObligationBasis.OpenedCap => "opened-cap",
        ObligationBasis.DraftYearOne => "draft-year-1",
        _ => "planned-cap",
    };
}

/// <summary><c>GET /funding/forecast</c>: the three fiscal years against the budget, by field and sub-park, and every platform-year.</summary>
public sealed record ForecastView(
    string From,
    string Scenario,
    WeightView Weight,
    string ScenarioExplanationEn,
    string ScenarioExplanationZh,
    string? PolicyOverride,
    List<ForecastYearView> Years,
    List<ForecastGroupView> ByField,
    List<ForecastGroupView> BySubPark,
    List<ForecastLineView> Lines,
    long TotalFen,
    long BeyondHorizonFen,
    int BeyondHorizonLines,
    int ExcludedAgreements,
    string MethodEn,
    string MethodZh)
{
    public const string Method =
        "Unpaid awards, opened years and draft year-1 amounts count in full; a later year whose evaluation is pending counts " +
        "min(ratio × planned investment, ceiling) × pass weight, rounded down to the fen per platform-year; totals are sums of those figures. " +
        "Paid, not-eligible and cancelled years and terminated agreements are left out.";

    public const string MethodZhText =
        "已确定未拨付的支持金额、考核已通过待定金额的年度及草拟协议的第1年度全额计入；考核评估尚未进行的后续年度按" +
        "min(支持比例 × 计划投资，上限) × 通过权重计入，每个平台年度向下取整到分，合计为各项之和。已拨付、不予支持、已取消的年度及已解除的协议不计入。";

    public static ForecastView Of(ForecastResult r) => new(
        r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Scenario.Name, WeightView.From(r.Scenario.Weight), r.Scenario.ExplanationEn,
        r.Scenario.ExplanationZh, r.PolicyOverride, [.. r.Years.Select(ForecastYearView.From)], [.. r.ByField.Select(ForecastGroupView.From)],
        [.. r.BySubPark.Select(ForecastGroupView.From)], [.. r.Lines.Select(ForecastLineView.From)], r.Total.Fen, r.BeyondHorizon.Fen, r.BeyondHorizonLines,
        r.ExcludedAgreements, Method, MethodZhText);
}

public sealed record WhatIfYearView(int FiscalYear, long CurrentFen, long WhatIfFen, long DifferenceFen, long? BudgetFen, long? CurrentHeadroomFen,
    long? WhatIfHeadroomFen)
{
    public static WhatIfYearView From(WhatIfYear y) => new(y.FiscalYear, y.Current.Fen, y.WhatIf.Fen, y.Difference.Fen, y.Budget?.Fen, y.CurrentHeadroom?.Fen,
        y.WhatIfHeadroom?.Fen);
}

public sealed record WhatIfLineView(Guid AgreementId, string PlatformName, string IndustryField, string SubPark, int ConstructionYear, int FiscalYear,
    long CurrentFen, long WhatIfFen, long DifferenceFen, string? CurrentExplanationEn, string? CurrentExplanationZh, string? WhatIfExplanationEn,
    string? WhatIfExplanationZh)
{
    public static WhatIfLineView From(WhatIfLine l) => new(l.AgreementId, l.PlatformName, l.IndustryField, l.SubPark, l.ConstructionYear, l.FiscalYear,
        l.Current.Fen, l.WhatIf.Fen, l.Difference.Fen, l.CurrentExplanationEn, l.CurrentExplanationZh, l.WhatIfExplanationEn, l.WhatIfExplanationZh);
}

/// <summary><c>POST /funding/forecast/what-if</c>: today's forecast and the what-if's, side by side (difference = what-if − today).</summary>
public sealed record WhatIfView(string PolicyVersion, string DescriptionEn, string DescriptionZh, List<WhatIfYearView> Years, List<WhatIfLineView> Lines,
    long CurrentTotalFen, long WhatIfTotalFen, long DifferenceFen, ForecastView Current, ForecastView WhatIf)
{
    public static WhatIfView From(WhatIfComparison c) => new(c.Policy.Label, c.DescriptionEn, c.DescriptionZh, [.. c.Years.Select(WhatIfYearView.From)],
        [.. c.Lines.Select(WhatIfLineView.From)], c.CurrentTotal.Fen, c.WhatIfTotal.Fen, c.Difference.Fen, ForecastView.Of(c.Current),
        ForecastView.Of(c.WhatIf));
}
