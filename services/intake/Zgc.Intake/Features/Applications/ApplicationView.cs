using System.Security.Claims;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Eligibility;

namespace Zgc.Intake.Features.Applications;

/// <summary>
/// What the API shows of one application. Amounts are in fen. <see cref="Draft"/> (the working copy) is shown to the
/// applicant's own unit only; everyone else reads the submitted versions. <see cref="Screening"/> is the latest
/// version's Art. 7 result.
/// </summary>
public sealed record ApplicationView(
    Guid Id,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string? IndustryField,
    string? SubArea,
    string? SubPark,
    long TotalInvestmentFen,
    long SupportBaseFen,
    string Status,
    int CurrentVersion,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    bool? Eligible,
    IReadOnlyList<RuleResult>? Screening,
    string? AcceptedBy,
    DateTimeOffset? AcceptedAt,
    string? PreliminaryReviewBy,
    string? PreliminaryReviewOpinion,
    DateTimeOffset? PreliminaryReviewAt,
    int? Ranking,
    string? RecommendedBy,
    string? RecommendationOpinion,
    DateTimeOffset? RecommendedAt,
    string? DecisionReasons,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    ApplicationContent? Draft,
    IReadOnlyList<ApplicationEvent> History)
{
    public static ApplicationView From(Application a, ApplicationVersion? current, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(
            a.Id, a.UnitUscc, a.UnitName, a.PlatformName, a.IndustryField?.Code, a.SubArea, a.SubPark?.Code, a.TotalInvestment.Fen, a.SupportBase.Fen,
            a.Status.ToString(), a.CurrentVersion, a.CreatedBy, a.CreatedAt, a.UpdatedAt, a.SubmittedBy, a.SubmittedAt, current?.Eligible, current?.Screening,
            a.AcceptedBy, a.AcceptedAt, a.PreliminaryReviewBy, a.PreliminaryReviewOpinion, a.PreliminaryReviewAt, a.Ranking, a.RecommendedBy,
            a.RecommendationOpinion, a.RecommendedAt, a.DecisionReasons, a.DecidedBy, a.DecidedAt,
            ApplicationAccess.IsOwnUnit(user, a) ? a.Draft : null, a.History);
    }
}

/// <summary>One line of the application list.</summary>
public sealed record ApplicationSummary(
    Guid Id,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string? IndustryField,
    string? SubArea,
    string? SubPark,
    long TotalInvestmentFen,
    long SupportBaseFen,
    string Status,
    int CurrentVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    int? Ranking);

/// <summary>A page of results.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
