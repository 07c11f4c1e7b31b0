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

    /// <summary>Who took the step: the administrator of a cancel or move, the evaluator of a construction year; null otherwise.</summary>
    public string? Actor { get; set; }

    /// <summary>Why an administrator took the step, or what a step within a state did (a construction year closed).</summary>
    public string? Reason { get; set; }
}
