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
}
