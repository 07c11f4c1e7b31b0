using System.Globalization;
using System.Text;
using MassTransit;
using MassTransit.Logging;
using RabbitMQ.Client;

namespace Zgc.Messaging.Outbox.Transport;

/// <summary>
/// A stored outbox row as one AMQP publish — the exchange, routing key and properties MassTransit's RabbitMQ send transport
/// would give it — so <see cref="DirectPublisher"/> can publish it on its own channel. A row this does not understand
/// (another virtual host, a short address, AMQP properties MassTransit would set from stored transport properties we do
/// not map, a header value of an unexpected type) is sent through the bus instead (<see cref="TryCreate"/> returns null).
/// </summary>
internal sealed record DirectPublication(string Exchange, string RoutingKey, bool Mandatory, BasicProperties Properties, byte[] Body)
{
    // MassTransit's own names for the stored transport properties (RabbitMqTransportPropertyNames and
    // MessageSendContext.PropertyNames are internal to MassTransit).
    private const string ExchangeProperty = "RMQ-Exchange";
    private const string RoutingKeyProperty = "RMQ-RoutingKey";
    private const string DurableProperty = "Durable";
    private const string MandatoryProperty = "Mandatory";

    /// <summary>Header names MassTransit never copies to the wire: they describe a received message.</summary>
    private static readonly HashSet<string> ReceivedOnly = new(StringComparer.Ordinal)
    {
        MassTransit.RabbitMqTransport.RabbitMqHeaders.Exchange,
        MassTransit.RabbitMqTransport.RabbitMqHeaders.RoutingKey,
        MassTransit.RabbitMqTransport.RabbitMqHeaders.DeliveryTag,
        MassTransit.RabbitMqTransport.RabbitMqHeaders.ConsumerTag,
    };

    /// <param name="row">The stored row.</param>
    /// <param name="stored">The row's headers and properties, deserialized.</param>
    /// <param name="virtualHost">The virtual host the publisher's connection is on.</param>
    /// <param name="activityId">
    /// The W3C id the consumer's trace continues from (MassTransit's <c>MT-Activity-Id</c>): the delivery activity, or the
    /// stored producing context when nothing listens here.
    /// </param>
    /// <param name="now">For the remaining time to live of an expiring message.</param>
    public static DirectPublication? TryCreate(OutboxMessage row, StoredOutboxMessage stored, string virtualHost, string? activityId, DateTimeOffset now)
    {
        if (!Uri.TryCreate(row.DestinationAddress, UriKind.Absolute, out var destination)
            || destination.Scheme is not ("rabbitmq" or "rabbitmqs" or "amqp" or "amqps"))
        {
            return null;
        }

        var address = new RabbitMqEndpointAddress(destination, destination);
        if (!string.Equals(address.VirtualHost, virtualHost, StringComparison.Ordinal)
            || address.ExchangeType == RabbitMqEndpointAddress.DelayedMessageExchangeType
            || (row.RequestId is not null && row.ResponseAddress is not null))
        {
            return null; // another broker's entity, a delayed exchange, or a request expecting a reply: the bus knows how
        }

        var exchange = address.Name;
        var routingKey = string.Empty;
        var durable = true;
        var mandatory = false;
        foreach (var (key, value) in stored.Properties)
        {
            switch (key)
            {
                case ExchangeProperty when value is string name:
                    exchange = name;
                    break;
                case RoutingKeyProperty when value is string text:
                    routingKey = text;
                    break;
                case DurableProperty when value is bool flag:
                    durable = flag;
                    break;
                case MandatoryProperty when value is bool flag:
                    mandatory = flag;
                    break;
                default:
                    return null; // AppId, Priority, ReplyTo, Type, UserId…: rare; the bus maps them
            }
        }

        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var header in stored.Headers.GetAll())
        {
            if (!TryAddHeader(headers, header.Key, header.Value))
            {
                return null;
            }
        }

        if (activityId is not null)
        {
            headers[DiagnosticHeaders.ActivityId] = activityId;
        }

        var properties = new BasicProperties
        {
            ContentType = row.ContentType,
            Persistent = durable,
            MessageId = row.MessageId.ToString(),
            CorrelationId = row.CorrelationId?.ToString(),
            Headers = headers,
        };
        if (row.ExpirationTime is { } expires)
        {
            // As MassTransit: the remaining time in whole milliseconds, at least a second once it has passed.
            var left = expires - now;
            properties.Expiration = (left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1)).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture);
        }

        return new DirectPublication(exchange, routingKey, mandatory, properties, Encoding.UTF8.GetBytes(row.Body));
    }

    /// <summary>The values MassTransit's send transport writes into the AMQP header table, converted the same way.</summary>
    private static bool TryAddHeader(Dictionary<string, object?> headers, string key, object? value)
    {
        if (value is null || ReceivedOnly.Contains(key))
        {
            return true;
        }

        switch (value)
        {
            case string text:
                headers[key] = text;
                return true;
            case bool flag:
                if (flag)
                {
                    headers[key] = bool.TrueString; // MassTransit writes true as text and leaves false out
                }

                return true;
            case Guid id:
                headers[key] = id.ToString("D");
                return true;
            case Uri uri:
                headers[key] = uri.ToString();
                return true;
            case DateTimeOffset at:
                headers[key] = new AmqpTimestamp(at.ToUnixTimeSeconds());
                return true;
            case DateTime at:
                headers[key] = new AmqpTimestamp(new DateTimeOffset(at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at, TimeSpan.Zero).ToUnixTimeSeconds());
                return true;
            case int or long or short or byte or double or float or decimal:
                headers[key] = value;
                return true;
            default:
                return false;
        }
    }
}
