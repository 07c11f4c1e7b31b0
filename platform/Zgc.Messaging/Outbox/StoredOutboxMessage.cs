using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace Zgc.Messaging.Outbox;

/// <summary>Presents a stored row to MassTransit's <see cref="OutboxMessageSendPipe"/> so it is sent exactly as it was captured.</summary>
internal sealed class StoredOutboxMessage : OutboxMessageContext
{
    private readonly OutboxMessage _row;

    public StoredOutboxMessage(OutboxMessage row)
    {
        _row = row;
        var serializer = SystemTextJsonMessageSerializer.Instance;
        var headers = serializer.DeserializeDictionary<object?>(row.Headers);
        Headers = headers is null ? EmptyHeaders.Instance : new DictionarySendHeaders(headers);
        Properties = serializer.DeserializeDictionary<object>(row.Properties) ?? new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
    }

    public long SequenceNumber => _row.SequenceNumber;

    public Guid MessageId => _row.MessageId;

    Guid? MessageContext.MessageId => _row.MessageId;

    public string ContentType => _row.ContentType;

    public string MessageType => _row.MessageType;

    public string Body => _row.Body;

    public IReadOnlyDictionary<string, object> Properties { get; }

    public Guid? RequestId => _row.RequestId;

    public Guid? CorrelationId => _row.CorrelationId;

    public Guid? ConversationId => _row.ConversationId;

    public Guid? InitiatorId => _row.InitiatorId;

    public DateTime? ExpirationTime => _row.ExpirationTime?.UtcDateTime;

    public Uri? SourceAddress => ToUri(_row.SourceAddress);

    public Uri? DestinationAddress => ToUri(_row.DestinationAddress);

    public Uri? ResponseAddress => ToUri(_row.ResponseAddress);

    public Uri? FaultAddress => ToUri(_row.FaultAddress);

    public DateTime? SentTime => _row.SentTime.UtcDateTime;

    public Headers Headers { get; }

    public HostInfo Host => HostMetadataCache.Host;

    private static Uri? ToUri(string? value) => string.IsNullOrEmpty(value) ? null : new Uri(value);
}
