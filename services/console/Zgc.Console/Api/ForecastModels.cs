namespace Zgc.Console.Api;

/// <summary>A pass weight of <c>GET /funding/forecast</c>: the exact fraction and its value.</summary>
public sealed record ForecastWeight(long Numerator, long Denominator, decimal Value, string Text);

/// <summary>One fiscal year of the forecast against its budget (amounts in fen).</summary>
public sealed record ForecastYearRow(int FiscalYear, long ForecastFen, long CertainFen, long WeightedFen, int Lines, long? BudgetFen, long PaidSoFarFen,
    long? HeadroomFen, string ExplanationEn, string ExplanationZh);

/// <summary>The forecast of one fiscal year for one industry field or sub-park.</summary>
public sealed record ForecastGroupRow(int FiscalYear, string Key, long AmountFen, int Lines);

/// <summary>One platform-year behind the forecast, with how it was computed.</summary>
public sealed record ForecastLineRow(Guid AgreementId, Guid ApplicationId, string PlatformName, string UnitName, string IndustryField, string SubPark,
    bool EspeciallyMajor, string PolicyVersion, int ConstructionYear, int FiscalYear, string Basis, long CapFen, ForecastWeight Weight, long AmountFen,
    string ExplanationEn, string ExplanationZh);

/// <summary><c>GET /funding/forecast</c>.</summary>
public sealed record FundingForecast(
    string From,
    string Scenario,
    ForecastWeight Weight,
    string ScenarioExplanationEn,
    string ScenarioExplanationZh,
    string? PolicyOverride,
    IReadOnlyList<ForecastYearRow> Years,
    IReadOnlyList<ForecastGroupRow> ByField,
    IReadOnlyList<ForecastGroupRow> BySubPark,
    IReadOnlyList<ForecastLineRow> Lines,
    long TotalFen,
    long BeyondHorizonFen,
    int BeyondHorizonLines,
    int ExcludedAgreements,
    string MethodEn,
    string MethodZh);

/// <summary>The what-if policy sent to <c>POST /funding/forecast/what-if</c>; a figure left null keeps each agreement's own.</summary>
public sealed record WhatIfPolicy(string? Version, int? SupportRatioPercent, long? StandardAnnualCeilingFen, long? EspeciallyMajorAnnualCeilingFen,
    int? ConstructionYears);

public sealed record WhatIfRequest(string? Scenario, decimal? Rate, string? From, WhatIfPolicy Policy);

public sealed record WhatIfYearRow(int FiscalYear, long CurrentFen, long WhatIfFen, long DifferenceFen, long? BudgetFen, long? CurrentHeadroomFen,
    long? WhatIfHeadroomFen);

public sealed record WhatIfLineRow(Guid AgreementId, string PlatformName, string IndustryField, string SubPark, int ConstructionYear, int FiscalYear,
    long CurrentFen, long WhatIfFen, long DifferenceFen, string? CurrentExplanationEn, string? CurrentExplanationZh, string? WhatIfExplanationEn,
    string? WhatIfExplanationZh);

/// <summary><c>POST /funding/forecast/what-if</c>: today's forecast and the what-if's side by side.</summary>
public sealed record WhatIfResult(string PolicyVersion, string DescriptionEn, string DescriptionZh, IReadOnlyList<WhatIfYearRow> Years,
    IReadOnlyList<WhatIfLineRow> Lines, long CurrentTotalFen, long WhatIfTotalFen, long DifferenceFen);
