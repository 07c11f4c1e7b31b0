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

    public bool EspeciallyMajor { get; set; }

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
