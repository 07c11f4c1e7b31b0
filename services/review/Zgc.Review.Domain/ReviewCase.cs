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

    public string? SubArea { get; private set; }

    public string SubPark { get; private set; } = "";

    /// <summary>USCCs of the enterprises the platform integrates (R-A7-INTEGRATION): experts employed there are conflicted.</summary>
    public List<string> IntegratedEnterpriseUsccs { get; private set; } = [];

    /// <summary>The sub-park's ranking of the recommendation, when it gave one.</summary>
    public int? SubParkRanking { get; private set; }

    public long TotalInvestmentFen { get; private set; }

    public long SupportBaseFen { get; private set; }

    public ReviewStage Stage { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The meeting whose agenda the case is on, undecided; null when on none.</summary>
    public Guid? AgendaMeetingId { get; private set; }

    public bool EspeciallyMajor { get; private set; }

    /// <summary>The municipal decision (市委市政府决策) an especially major approval rests on (R-A10-MAJOR).</summary>
    public string? MunicipalDecisionReference { get; private set; }

    public string? MinutesReference { get; private set; }

    public string? DecisionReason { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedAtMeetingId { get; private set; }

    /// <summary>Optimistic concurrency: two officers acting on one case at once cannot both succeed.</summary>
    public int Version { get; private set; }

    /// <summary>Every USCC an expert must not be employed by (or have declared a conflict with) to sit on the panel.</summary>
    public IEnumerable<string> ConflictUsccs => IntegratedEnterpriseUsccs.Prepend(UnitUscc);

    public static ReviewCase Open(Guid applicationId, string unitUscc, string unitName, string platformName, string industryField, string subPark,
        DateTimeOffset now, string? subArea = null, IEnumerable<string>? integratedEnterpriseUsccs = null, int? subParkRanking = null,
        long totalInvestmentFen = 0, long supportBaseFen = 0) => new()
        {
            ApplicationId = applicationId,
            UnitUscc = Uscc.Normalise(unitUscc) ?? unitUscc.Trim(),
            UnitName = unitName,
            PlatformName = platformName,
            IndustryField = industryField,
            SubArea = string.IsNullOrWhiteSpace(subArea) ? null : subArea.Trim(),
            SubPark = subPark,
            IntegratedEnterpriseUsccs = [.. (integratedEnterpriseUsccs ?? []).Select(c => Uscc.Normalise(c) ?? c.Trim()).Distinct(StringComparer.Ordinal)],
            SubParkRanking = subParkRanking,
            TotalInvestmentFen = totalInvestmentFen,
            SupportBaseFen = supportBaseFen,
            Stage = ReviewStage.UnderReview,
            OpenedAt = now,
        };

    /// <summary>A panel was formed for the case; only one panel per case.</summary>
    public void StartExpertReview()
    {
        RequireStage(ReviewStage.UnderReview, "applicationId", Rules.Expert, "An expert panel can only be formed for a case waiting for one",
            "只有等待组建专家组的申请才能组建专家组");
        Stage = ReviewStage.ExpertReview;
        Version++;
    }

    /// <summary>The panel gave its opinion (R-A13-EXPERT).</summary>
    public void RecordExpertOpinion(bool supported)
    {
        RequireStage(ReviewStage.ExpertReview, null, Rules.Expert, "The case is not in expert review", "该申请不在专家评审阶段");
        Stage = supported ? ReviewStage.Supported : ReviewStage.NotSupported;
        Version++;
    }

    /// <summary>
    /// The committee puts a supported case to the director office meeting (根据专家论证意见，提请委主任办公会审议): only a
    /// case the experts supported, and on one agenda at a time.
    /// </summary>
    public void PlaceOnAgenda(Guid meetingId)
    {
        RequireStage(ReviewStage.Supported, "applicationId", Rules.Meeting, "Only a case the expert panel supported goes to the meeting",
            "只有专家论证意见为支持的申请才能提请主任办公会审议");
        if (AgendaMeetingId is { } current)
        {
            throw new RuleViolationException("applicationId", Rules.Meeting, $"The case is already on the agenda of meeting {current}.",
                "该申请已列入另一次主任办公会议程。", RuleViolationException.ConflictStatus);
        }

        AgendaMeetingId = meetingId;
        Version++;
    }

    /// <summary>The meeting deferred the case; it waits for the next meeting's agenda.</summary>
    public void Defer(Guid meetingId)
    {
        RequireOnAgendaOf(meetingId);
        AgendaMeetingId = null;
        Version++;
    }

    /// <summary>
    /// R-A13-MEETING: the director office meeting approves or rejects a case on its agenda; a rejection needs its
    /// reason; "especially major" (R-A10-MAJOR) only accompanies an approval and rests on a municipal decision.
    /// </summary>
    public void RecordMeetingDecision(Guid meetingId, MeetingOutcome outcome, bool especiallyMajor, string? municipalDecisionReference,
        string minutesReference, string? reason, string decidedBy, DateTimeOffset now)
    {
        if (Stage is ReviewStage.Approved or ReviewStage.Rejected)
        {
            throw new RuleViolationException("stage", Rules.Meeting, $"The case was already decided ({Stage}).", "该申请已有会议决定。",
                RuleViolationException.ConflictStatus);
        }

        RequireOnAgendaOf(meetingId);
        if (outcome == MeetingOutcome.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("reason", Rules.Meeting, "A rejection must give its reason.", "不予通过须说明理由。");
        }

        if (outcome != MeetingOutcome.Approved && especiallyMajor)
        {
            throw new RuleViolationException("especiallyMajor", Rules.Major, "Only an approved platform can be especially major.",
                "只有审议通过的平台才能认定为特别重大。");
        }

        if (especiallyMajor && string.IsNullOrWhiteSpace(municipalDecisionReference))
        {
            throw new RuleViolationException("municipalDecisionReference", Rules.Major,
                "An especially major platform rests on a decision of the municipal Party committee and government: give its reference.",
                "认定为特别重大的创新平台须注明市委市政府决策部署的文号。");
        }

        Stage = outcome == MeetingOutcome.Approved ? ReviewStage.Approved : ReviewStage.Rejected;
        EspeciallyMajor = especiallyMajor;
        MunicipalDecisionReference = especiallyMajor ? municipalDecisionReference!.Trim() : null;
        MinutesReference = minutesReference.Trim();
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedBy = decidedBy;
        DecidedAt = now;
        DecidedAtMeetingId = meetingId;
        AgendaMeetingId = null;
        Version++;
    }

    private void RequireOnAgendaOf(Guid meetingId)
    {
        if (AgendaMeetingId != meetingId)
        {
            throw new RuleViolationException("applicationId", Rules.Meeting, "The case is not on this meeting's agenda.", "该申请未列入本次会议议程。",
                RuleViolationException.ConflictStatus);
        }
    }

    private void RequireStage(ReviewStage expected, string? field, string rule, string en, string zh)
    {
        if (Stage != expected)
        {
            throw new RuleViolationException(field, rule, $"{en}; the case is {Stage}.", $"{zh}；当前状态：{Stage}。", RuleViolationException.ConflictStatus);
        }
    }
}
