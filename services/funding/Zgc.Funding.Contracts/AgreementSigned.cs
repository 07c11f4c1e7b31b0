namespace Zgc.Funding.Contracts;

/// <summary>Every party signed the construction agreement (R-A13-AGREEMENT); year 1 support becomes due.</summary>
public sealed record AgreementSigned(
    Guid ApplicationId,
    Guid AgreementId,
    DateOnly ConstructionStartsOn,
    DateOnly ConstructionEndsOn,
    long Year1AwardFen,
    bool EspeciallyMajor,
    DateTimeOffset SignedAt);
