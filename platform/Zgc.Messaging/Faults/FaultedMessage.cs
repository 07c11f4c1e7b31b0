namespace Zgc.Messaging.Faults;

public enum FaultStatus
{
    /// <summary>Retries were exhausted (or the message could not be read); it waits for an operator.</summary>
    Faulted,
    Redelivered,
    Discarded,
}

/// <summary>
/// A message an endpoint of this service gave up on, kept in the service's own database so operators can
/// see why and re-deliver or discard it (the broker's <c>_error</c> queue keeps its own copy).
/// </summary>
public sealed class FaultedMessage
{
    public Guid Id { get; set; }

    public Guid? MessageId { get; set; }

    public required string Endpoint { get; set; }

    /// <summary>The message type URNs from the envelope, ';'-separated; empty when the body could not be read.</summary>
    public string MessageType { get; set; } = "";

    public string? ContentType { get; set; }

    public required string Body { get; set; }

    public required string ExceptionType { get; set; }

    public required string ExceptionMessage { get; set; }

    public string? StackTrace { get; set; }

    public DateTimeOffset FaultedAt { get; set; }

    public FaultStatus Status { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }
}
