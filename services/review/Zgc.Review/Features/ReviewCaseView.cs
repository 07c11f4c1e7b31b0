using Zgc.Review.Domain;

namespace Zgc.Review.Features;

public sealed record ReviewCaseView(
    Guid ApplicationId, string UnitUscc, string UnitName, string PlatformName, string IndustryField, string SubPark, string Stage,
    DateTimeOffset OpenedAt, bool EspeciallyMajor, string? DecisionReason, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static ReviewCaseView From(ReviewCase c) => new(c.ApplicationId, c.UnitUscc, c.UnitName, c.PlatformName, c.IndustryField, c.SubPark,
        c.Stage.ToString(), c.OpenedAt, c.EspeciallyMajor, c.DecisionReason, c.DecidedBy, c.DecidedAt);
}
