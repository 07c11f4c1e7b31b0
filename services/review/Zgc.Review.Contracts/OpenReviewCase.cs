namespace Zgc.Review.Contracts;

/// <summary>Command from the workflows service: a recommended application enters expert review (R-A13-EXPERT).</summary>
/// <remarks>
/// Fields after <paramref name="SubPark"/> were added later (defaults keep older senders valid). The integrated
/// enterprises' codes let review keep conflicted experts off the panel.
/// </remarks>
public sealed record OpenReviewCase(
    Guid ApplicationId,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string IndustryField,
    string SubPark,
    string? SubArea = null,
    IReadOnlyList<string>? IntegratedEnterpriseUsccs = null,
    int? SubParkRanking = null,
    long TotalInvestmentFen = 0,
    long SupportBaseFen = 0);
