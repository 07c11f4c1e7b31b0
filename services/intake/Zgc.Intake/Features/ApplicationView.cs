using Zgc.Intake.Domain;

namespace Zgc.Intake.Features;

/// <summary>What the API shows of an application. Amounts are in fen.</summary>
public sealed record ApplicationView(
    Guid Id,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string IndustryField,
    string SubPark,
    long TotalInvestmentFen,
    string Status,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    string? RecommendedBy,
    string? RecommendationOpinion,
    DateTimeOffset? RecommendedAt)
{
    public static ApplicationView From(Application a) => new(
        a.Id, a.UnitUscc, a.UnitName, a.PlatformName, a.IndustryField.Code, a.SubPark.Code, a.TotalInvestment.Fen, a.Status.ToString(),
        a.SubmittedBy, a.SubmittedAt, a.RecommendedBy, a.RecommendationOpinion, a.RecommendedAt);
}
