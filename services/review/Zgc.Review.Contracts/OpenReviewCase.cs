namespace Zgc.Review.Contracts;

/// <summary>Command from the workflows service: a recommended application enters expert review (R-A13-EXPERT).</summary>
public sealed record OpenReviewCase(
    Guid ApplicationId,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string IndustryField,
    string SubPark);
