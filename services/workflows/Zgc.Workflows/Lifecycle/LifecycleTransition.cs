namespace Zgc.Workflows.Lifecycle;

/// <summary>One step of an instance's history, written in the same transaction as the instance itself.</summary>
public sealed class LifecycleTransition
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public string Event { get; set; } = "";

    public string FromState { get; set; } = "";

    public string ToState { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public Guid? MessageId { get; set; }

    /// <summary>Who took an administrative step (cancel, move); null for steps driven by messages.</summary>
    public string? Actor { get; set; }

    /// <summary>Why an administrator took the step.</summary>
    public string? Reason { get; set; }
}
