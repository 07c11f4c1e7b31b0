using System.Linq.Expressions;
using Zgc.Workflows.Lifecycle;

namespace Zgc.Workflows.Features;

public sealed record InstanceSummary(
    Guid Id, string PlatformName, string UnitUscc, string SubPark, string CurrentState, string PolicyVersion,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? WaitingAlert)
{
    /// <summary>As a query's projection: the database returns only the summary's columns, never the instance's whole row.</summary>
    public static readonly Expression<Func<PlatformLifecycle, InstanceSummary>> Projection = i =>
        new InstanceSummary(i.CorrelationId, i.PlatformName, i.UnitUscc, i.SubPark, i.CurrentState, i.PolicyVersion, i.CreatedAt, i.UpdatedAt,
            i.WaitingAlert);

    private static readonly Func<PlatformLifecycle, InstanceSummary> FromInstance = Projection.Compile();

    public static InstanceSummary From(PlatformLifecycle i) => FromInstance(i);
}

public sealed record TransitionView(string Event, string From, string To, DateTimeOffset At, Guid? MessageId, string? Actor = null, string? Reason = null);

public sealed record InstanceDetail(
    Guid Id, string PlatformName, string UnitUscc, string UnitName, string SubPark, string IndustryField, string CurrentState,
    string PolicyVersion, bool EspeciallyMajor, Guid? NoticeId, DateOnly? NoticeEndsOn, string? OutcomeReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset StateEnteredAt, string? WaitingAlert, DateTimeOffset? WaitingAlertAt,
    IReadOnlyList<TransitionView> Transitions,
    LifecycleProgress Progress,
    IReadOnlyList<InstanceTimerView> PendingTimers,
    IReadOnlyDictionary<string, string> Links);

/// <summary>A timer of the instance not yet fired: what it will send and when (and how long from now).</summary>
public sealed record InstanceTimerView(string MessageType, DateTimeOffset DueTime, TimeSpan DueIn);

/// <summary>Where the instance stands on each stage's figures (empty until the stage is reached).</summary>
public sealed record LifecycleProgress(
    int ApplicationVersion, int Returns, string? SubArea, long TotalInvestmentFen, long SupportBaseFen, int? SubParkRanking,
    bool? ExpertSupported, decimal? ExpertTrimmedMean, int MeetingDeferrals, string? MajorDecisionReference, string? RejectedAtStage,
    Guid? AgreementId, DateOnly? ConstructionStartsOn, int ConstructionYear, bool CurrentYearFunded, long PaidFen,
    int? LastEvaluatedYear, bool? LastEvaluationPassed)
{
    public static LifecycleProgress From(PlatformLifecycle i) =>
        new(i.ApplicationVersion, i.Returns, i.SubArea, i.TotalInvestmentFen, i.SupportBaseFen, i.SubParkRanking, i.ExpertSupported,
            i.ExpertTrimmedMean, i.MeetingDeferrals, i.MajorDecisionReference, i.RejectedAtStage, i.AgreementId, i.ConstructionStartsOn,
            i.ConstructionYear, i.CurrentYearFunded, i.PaidFen, i.LastEvaluatedYear, i.LastEvaluationPassed);
}
