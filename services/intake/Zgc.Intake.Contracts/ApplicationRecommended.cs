namespace Zgc.Intake.Contracts;

/// <summary>The sub-park accepted the application, reviewed it and recommends it to the ZGC Committee (R-A13-SUBPARK).</summary>
public sealed record ApplicationRecommended(
    Guid ApplicationId,
    string SubPark,
    string RecommendedBy,
    string? Opinion,
    DateTimeOffset RecommendedAt);
