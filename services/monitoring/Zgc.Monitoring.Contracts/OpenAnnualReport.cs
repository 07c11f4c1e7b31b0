namespace Zgc.Monitoring.Contracts;

/// <summary>
/// Command from the workflows service: open the annual reporting window of a construction year (R-A14-ANNUAL). The
/// report covers <paramref name="PeriodStart"/>–<paramref name="PeriodEnd"/> and is due on <paramref name="DueOn"/>
/// (Beijing dates). Idempotent per application and year.
/// </summary>
public sealed record OpenAnnualReport(
    Guid ApplicationId,
    Guid? AgreementId,
    string PlatformName,
    string UnitUscc,
    string UnitName,
    string IndustryField,
    string SubPark,
    int ConstructionYear,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueOn);
