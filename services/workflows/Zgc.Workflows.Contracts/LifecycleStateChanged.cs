namespace Zgc.Workflows.Contracts;

/// <summary>A platform lifecycle instance moved from one state to another (for dashboards and audit).</summary>
public sealed record LifecycleStateChanged(
    Guid InstanceId,
    string Event,
    string FromState,
    string ToState,
    DateTimeOffset At);
