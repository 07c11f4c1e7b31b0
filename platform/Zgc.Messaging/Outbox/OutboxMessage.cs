namespace Zgc.Messaging.Outbox;

/// <summary>
/// A message stored in the producing service's database in the same transaction as the state change
/// that caused it, delivered to the transport by <see cref="OutboxDeliveryService{TDb}"/>. A timer is
/// the same row with a later <see cref="DueTime"/> (DESIGN.md: timers are outbox rows with a due time).
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Database-assigned; delivery follows it, which preserves order per producing transaction.</summary>
    public long SequenceNumber { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>When the row may be delivered (UTC). Now for plain messages, later for timers.</summary>
    public DateTimeOffset DueTime { get; set; }

    /// <summary>Set for scheduled messages: cancelling the schedule deletes the rows with this token.</summary>
    public Guid? ScheduleTokenId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null until delivered; delivered rows are kept for the configured retention, then removed.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    public int DeliveryAttempts { get; set; }

    public string? LastError { get; set; }

    public required string DestinationAddress { get; set; }

    public required string ContentType { get; set; }

    /// <summary>The message type URNs, ';'-separated; the first one names the contract.</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    public string? Headers { get; set; }

    public string? Properties { get; set; }

    public Guid? ConversationId { get; set; }

    public Guid? CorrelationId { get; set; }

    public Guid? InitiatorId { get; set; }

    public Guid? RequestId { get; set; }

    public string? SourceAddress { get; set; }

    public string? ResponseAddress { get; set; }

    public string? FaultAddress { get; set; }

    public DateTimeOffset SentTime { get; set; }

    public DateTimeOffset? ExpirationTime { get; set; }
}
