using Zgc.Review.Domain;

namespace Zgc.Review.Features;

public sealed record ReviewCaseView(
    Guid ApplicationId, string UnitUscc, string UnitName, string PlatformName, string IndustryField, string SubPark, string Stage,
    DateTimeOffset OpenedAt, bool EspeciallyMajor, string? DecisionReason, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? SubArea, IReadOnlyList<string> IntegratedEnterpriseUsccs, int? SubParkRanking, long TotalInvestmentFen, long SupportBaseFen,
    Guid? AgendaMeetingId, Guid? DecidedAtMeetingId, string? MinutesReference, string? MunicipalDecisionReference)
{
    public static ReviewCaseView From(ReviewCase c) => new(c.ApplicationId, c.UnitUscc, c.UnitName, c.PlatformName, c.IndustryField, c.SubPark,
        c.Stage.ToString(), c.OpenedAt, c.EspeciallyMajor, c.DecisionReason, c.DecidedBy, c.DecidedAt,
        c.SubArea, c.IntegratedEnterpriseUsccs, c.SubParkRanking, c.TotalInvestmentFen, c.SupportBaseFen,
        c.AgendaMeetingId, c.DecidedAtMeetingId, c.MinutesReference, c.MunicipalDecisionReference);
}
