namespace Zgc.Intake.Contracts;

/// <summary>The sub-park accepted the application, reviewed it and recommends it to the ZGC Committee (R-A13-SUBPARK).</summary>
/// <remarks>Fields after <paramref name="RecommendedAt"/> were added later; their defaults keep older senders valid.</remarks>
public sealed record ApplicationRecommended(
    Guid ApplicationId,
    string SubPark,
    string RecommendedBy,
    string? Opinion,
    DateTimeOffset RecommendedAt,
    int? Ranking = null,
    int Version = 1,
    string? UnitUscc = null,
    string? IndustryField = null,
    string? SubArea = null,
    long TotalInvestmentFen = 0,
    long SupportBaseFen = 0,
    IReadOnlyList<string>? IntegratedEnterpriseUsccs = null);
