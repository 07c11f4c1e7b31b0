namespace Zgc.Funding.Contracts;

/// <summary>
/// Command from the workflows service once a platform is included after its notice (R-A13-AGREEMENT): funding drafts
/// the three-year construction agreement. <paramref name="SupportBaseFen"/> is the investment in the R-A10-BASE
/// categories (land and construction-installation excluded), as submitted and recommended. <paramref name="PolicyVersion"/>
/// (added later; null from older senders) is the lifecycle's policy version, whose figures the agreement copies.
/// </summary>
public sealed record PrepareAgreement(
    Guid ApplicationId,
    string PlatformName,
    string UnitUscc,
    string UnitName,
    string IndustryField,
    string SubPark,
    bool EspeciallyMajor,
    string? MajorDecisionReference,
    long TotalInvestmentFen,
    long SupportBaseFen,
    DateTimeOffset IncludedAt,
    string? PolicyVersion = null);
