using Zgc.SharedKernel;

namespace Zgc.Review.Domain;

/// <summary>One recommended application's path through expert review and the director office meeting (Art. 13).</summary>
public sealed class ReviewCase
{
    private ReviewCase()
    {
    }

    /// <summary>The application id: one case per application.</summary>
    public Guid ApplicationId { get; private set; }

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string PlatformName { get; private set; } = "";

    public string IndustryField { get; private set; } = "";

    public string SubPark { get; private set; } = "";

    public ReviewStage Stage { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public bool EspeciallyMajor { get; private set; }

    public string? DecisionReason { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Optimistic concurrency: two officers deciding at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public static ReviewCase Open(Guid applicationId, string unitUscc, string unitName, string platformName, string industryField, string subPark,
        DateTimeOffset now) => new()
        {
            ApplicationId = applicationId,
            UnitUscc = unitUscc,
            UnitName = unitName,
            PlatformName = platformName,
            IndustryField = industryField,
            SubPark = subPark,
            Stage = ReviewStage.UnderReview,
            OpenedAt = now,
        };

    /// <summary>
    /// R-A13-MEETING: the director office meeting approves or rejects; a rejection needs its reason, and
    /// "especially major" (R-A10-MAJOR) can only accompany an approval. A case is decided once.
    /// </summary>
    public void RecordMeetingDecision(bool approve, bool especiallyMajor, string? reason, string decidedBy, DateTimeOffset now)
    {
        if (Stage != ReviewStage.UnderReview)
        {
            throw new RuleViolationException("stage", "R-A13-MEETING", $"The case was already decided ({Stage}).", "该申请已有会议决定。",
                RuleViolationException.ConflictStatus);
        }

        if (!approve && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("reason", "R-A13-MEETING", "A rejection must give its reason.", "不予通过须说明理由。");
        }

        if (!approve && especiallyMajor)
        {
            throw new RuleViolationException("especiallyMajor", "R-A10-MAJOR", "Only an approved platform can be especially major.",
                "只有审议通过的平台才能认定为特别重大。");
        }

        Stage = approve ? ReviewStage.Approved : ReviewStage.Rejected;
        EspeciallyMajor = especiallyMajor;
        DecisionReason = reason?.Trim();
        DecidedBy = decidedBy;
        DecidedAt = now;
        Version++;
    }
}
