using Zgc.Workflows.Lifecycle;

namespace Zgc.Workflows.Features;

public sealed record InstanceSummary(
    Guid Id, string PlatformName, string UnitUscc, string SubPark, string CurrentState, string PolicyVersion,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? WaitingAlert)
{
    public static InstanceSummary From(PlatformLifecycle i) =>
        new(i.CorrelationId, i.PlatformName, i.UnitUscc, i.SubPark, i.CurrentState, i.PolicyVersion, i.CreatedAt, i.UpdatedAt, i.WaitingAlert);
}

public sealed record TransitionView(string Event, string From, string To, DateTimeOffset At, Guid? MessageId);

public sealed record InstanceDetail(
    Guid Id, string PlatformName, string UnitUscc, string UnitName, string SubPark, string IndustryField, string CurrentState,
    string PolicyVersion, bool EspeciallyMajor, Guid? NoticeId, DateOnly? NoticeEndsOn, string? OutcomeReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset StateEnteredAt, string? WaitingAlert, DateTimeOffset? WaitingAlertAt,
    IReadOnlyList<TransitionView> Transitions);
