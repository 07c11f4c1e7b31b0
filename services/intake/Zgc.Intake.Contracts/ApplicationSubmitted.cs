namespace Zgc.Intake.Contracts;

/// <summary>An applicant submitted a complete application to its sub-park (Art. 13, R-A13-APPLY).</summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string IndustryField,
    string SubPark,
    long TotalInvestmentFen,
    string SubmittedBy,
    DateTimeOffset SubmittedAt);
