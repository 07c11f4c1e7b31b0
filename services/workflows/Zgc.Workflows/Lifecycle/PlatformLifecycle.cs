using MassTransit;

namespace Zgc.Workflows.Lifecycle;

/// <summary>
/// One application's whole path through the programme, persisted by our EF saga repository.
/// The correlation id is the application id, so every service's message finds its instance.
/// </summary>
public sealed class PlatformLifecycle : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    /// <summary>Optimistic concurrency token: bumped on every update.</summary>
    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    /// <summary>The policy configuration the instance started under (running instances keep their rules).</summary>
    public string PolicyVersion { get; set; } = "";

    public string PlatformName { get; set; } = "";

    public string UnitUscc { get; set; } = "";

    public string UnitName { get; set; } = "";

    public string SubPark { get; set; } = "";

    public string IndustryField { get; set; } = "";

    public string? SubArea { get; set; }

    /// <summary>The application version the lifecycle last saw submitted (a resubmission after a return is the next).</summary>
    public int ApplicationVersion { get; set; }

    public long TotalInvestmentFen { get; set; }

    /// <summary>Investment in the R-A10-BASE categories: the base of the year-1 cap.</summary>
    public long SupportBaseFen { get; set; }

    /// <summary>The integrated enterprises' USCCs, ';'-separated (review keeps conflicted experts off the panel).</summary>
    public string? IntegratedEnterpriseUsccs { get; set; }

    public int? SubParkRanking { get; set; }

    /// <summary>How often the sub-park returned the application for correction.</summary>
    public int Returns { get; set; }

    public bool? ExpertSupported { get; set; }

    public decimal? ExpertTrimmedMean { get; set; }

    /// <summary>How often the director office meeting deferred the case.</summary>
    public int MeetingDeferrals { get; set; }

    public bool EspeciallyMajor { get; set; }

    /// <summary>The municipal decision an especially major platform rests on (R-A10-MAJOR).</summary>
    public string? MajorDecisionReference { get; set; }

    public Guid? AgreementId { get; set; }

    public DateOnly? ConstructionStartsOn { get; set; }

    /// <summary>1–3 while under construction; 0 before the agreement is signed.</summary>
    public int ConstructionYear { get; set; }

    /// <summary>False when the previous year's evaluation failed: no support for this year (R-A10-Y23).</summary>
    public bool CurrentYearFunded { get; set; }

    /// <summary>Every disbursement paid to the platform so far.</summary>
    public long PaidFen { get; set; }

    public int? LastEvaluatedYear { get; set; }

    public bool? LastEvaluationPassed { get; set; }

    /// <summary>For a rejection: the stage that rejected (SubParkReview, ExpertReview, AwaitingMeeting).</summary>
    public string? RejectedAtStage { get; set; }

    public Guid? NoticeId { get; set; }

    public DateOnly? NoticeEndsOn { get; set; }

    public string? OutcomeReason { get; set; }

    /// <summary>When the instance entered its current state (waiting limits count from here).</summary>
    public DateTimeOffset StateEnteredAt { get; set; }

    /// <summary>Token of the pending waiting-limit timer, if any (MassTransit drops a timer whose token is stale).</summary>
    public Guid? WaitingLimitToken { get; set; }

    /// <summary>Set when the instance waited too long in a state; cleared when it moves on.</summary>
    public string? WaitingAlert { get; set; }

    public DateTimeOffset? WaitingAlertAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
