namespace Zgc.Messaging.Inbox;

/// <summary>
/// The id of a message a consumer has handled, written in the same transaction as the consumer's effects,
/// so the same message arriving again changes nothing (DESIGN.md, inbox).
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>MassTransit's deterministic id for consumer + message type + endpoint.</summary>
    public Guid ConsumerId { get; set; }

    public required string ConsumerType { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
