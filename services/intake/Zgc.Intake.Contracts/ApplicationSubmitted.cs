namespace Zgc.Intake.Contracts;

/// <summary>
/// An applicant submitted a complete application to its sub-park (Art. 13, R-A13-APPLY). A resubmission after a
/// return for correction is a new <paramref name="Version"/> of the same application.
/// </summary>
/// <remarks>Fields after <paramref name="SubmittedAt"/> were added later; their defaults keep older senders valid.</remarks>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string IndustryField,
    string SubPark,
    long TotalInvestmentFen,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    int Version = 1,
    string? SubArea = null,
    string? LeadUnitType = null,
    long SupportBaseFen = 0,
    IReadOnlyList<string>? IntegratedEnterpriseUsccs = null);
