using Zgc.SharedKernel;

namespace Zgc.Funding.Domain.Forecast;

/// <summary>One agreement with its funding years, as read (never changed) by the forecast.</summary>
public sealed record PlatformRecord(Agreement Agreement, IReadOnlyList<FundingYear> Years);

/// <summary>
/// What a forecast is computed from: a snapshot of the agreements and their years, the budgets, what was already paid
/// per fiscal year, and the fiscal year of each disbursement run (a year gathered into a run is expected in that run's
/// fiscal year). The forecast itself is a pure function of this.
/// </summary>
public sealed record ForecastInput(
    DateOnly From,
    IReadOnlyList<PlatformRecord> Platforms,
    IReadOnlyDictionary<int, Money> Budgets,
    IReadOnlyDictionary<int, Money> PaidByFiscalYear,
    IReadOnlyDictionary<Guid, int> RunFiscalYears)
{
    /// <summary>The forecast covers the fiscal year of <see cref="From"/> and the two after it (fiscal years are Beijing calendar years).</summary>
    public const int Horizon = 3;

    public int FirstFiscalYear => From.Year;

    public int LastFiscalYear => From.Year + Horizon - 1;
}

/// <summary>Where a forecast figure comes from.</summary>
public enum ObligationBasis
{
    /// <summary>An award already decided (year 1 on signing, years 2+ by the committee), due or in a run, not yet paid.</summary>
    Award,

    /// <summary>A year opened by a passed evaluation, awaiting the committee's award: its cap counts.</summary>
    OpenedCap,

    /// <summary>Year 1 of an agreement still being drafted: its award if decided, else its cap.</summary>
    DraftYearOne,

    /// <summary>A later year whose evaluation is pending: the cap on the planned investment, weighted by the scenario.</summary>
    PlannedCap,
}

/// <summary>One platform-year's expected payment, with the formula written out in English and Chinese.</summary>
public sealed record ForecastLine(
    Guid AgreementId,
    Guid ApplicationId,
    string PlatformName,
    string UnitName,
    string IndustryField,
    string SubPark,
    bool EspeciallyMajor,
    string PolicyVersion,
    int ConstructionYear,
    int FiscalYear,
    ObligationBasis Basis,
    Money Cap,
    PassWeight Weight,
    Money Amount,
    string ExplanationEn,
    string ExplanationZh);

/// <summary>One fiscal year of the forecast against the programme budget.</summary>
public sealed record ForecastYear(
    int FiscalYear,
    Money Forecast,
    Money Certain,
    Money Weighted,
    int Lines,
    Money? Budget,
    Money PaidSoFar,
    Money? Headroom,
    string ExplanationEn,
    string ExplanationZh);

/// <summary>The forecast of one fiscal year for one industry field or sub-park.</summary>
public sealed record ForecastGroup(int FiscalYear, string Key, Money Amount, int Lines);

/// <summary>The whole forecast: per fiscal year, by field and sub-park, and every platform-year behind them.</summary>
public sealed record ForecastResult(
    DateOnly From,
    ForecastScenario Scenario,
    string? PolicyOverride,
    IReadOnlyList<ForecastYear> Years,
    IReadOnlyList<ForecastGroup> ByField,
    IReadOnlyList<ForecastGroup> BySubPark,
    IReadOnlyList<ForecastLine> Lines,
    Money Total,
    Money BeyondHorizon,
    int BeyondHorizonLines,
    int ExcludedAgreements);
