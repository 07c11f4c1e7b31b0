using System.Text;
using MassTransit.Logging;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.Outbox.Transport;

namespace Zgc.Messaging.Tests;

/// <summary>A stored row becomes the AMQP publish MassTransit's RabbitMQ transport would make of it, or goes through the bus.</summary>
public sealed class DirectPublicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void A_published_row_goes_to_its_exchange_with_the_properties_and_headers_MassTransit_would_set()
    {
        var row = Row("rabbitmq://127.0.0.1:5672/zgc/Zgc.Contracts:NoticePassed",
            headers: """{"Zgc-TraceParent":"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01","Flag":true,"Off":false,"Count":3}""",
            properties: """{"RMQ-Exchange":"Zgc.Contracts:NoticePassed"}""");

        var publication = Create(row);

        Assert.NotNull(publication);
        Assert.Equal("Zgc.Contracts:NoticePassed", publication.Exchange);
        Assert.Equal(string.Empty, publication.RoutingKey);
        Assert.False(publication.Mandatory);
        Assert.True(publication.Properties.Persistent);
        Assert.Equal("application/vnd.masstransit+json", publication.Properties.ContentType);
        Assert.Equal(row.MessageId.ToString(), publication.Properties.MessageId);
        Assert.Equal(row.CorrelationId.ToString(), publication.Properties.CorrelationId);
        Assert.Null(publication.Properties.Expiration);
        var headers = publication.Properties.Headers!;
        Assert.Equal(TraceParent, headers[DiagnosticHeaders.ActivityId]);
        Assert.Equal(bool.TrueString, headers["Flag"]);
        Assert.False(headers.ContainsKey("Off")); // MassTransit leaves a false flag out
        Assert.Equal(3L, Convert.ToInt64(headers["Count"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(row.Body, Encoding.UTF8.GetString(publication.Body));
    }

    [Fact]
    public void Stored_transport_properties_set_the_exchange_routing_key_durability_and_mandatory_flag()
    {
        var row = Row("rabbitmq://127.0.0.1/zgc/notice?bind=true", properties:
            """{"RMQ-Exchange":"notice-direct","RMQ-RoutingKey":"closing","Durable":false,"Mandatory":true}""");
        row.ExpirationTime = Now.AddSeconds(90);

        var publication = Create(row);

        Assert.NotNull(publication);
        Assert.Equal("notice-direct", publication.Exchange);
        Assert.Equal("closing", publication.RoutingKey);
        Assert.True(publication.Mandatory);
        Assert.False(publication.Properties.Persistent);
        Assert.Equal("90000", publication.Properties.Expiration);
    }

    [Fact]
    public void An_expired_message_is_published_with_one_second_to_live_as_MassTransit_does()
    {
        var row = Row("rabbitmq://127.0.0.1/zgc/x");
        row.ExpirationTime = Now.AddSeconds(-5);

        Assert.Equal("1000", Create(row)!.Properties.Expiration);
    }

    [Theory]
    [InlineData("rabbitmq://127.0.0.1/other/x", null, null, "another virtual host")]
    [InlineData("queue:notice", null, null, "a short address")]
    [InlineData("loopback://localhost/x", null, null, "another transport")]
    [InlineData("rabbitmq://127.0.0.1/zgc/x", """{"RMQ-Priority":5}""", null, "a priority to map")]
    [InlineData("rabbitmq://127.0.0.1/zgc/x", null, """{"Nested":{"a":1}}""", "a header of an unexpected type")]
    [InlineData("rabbitmq://127.0.0.1/zgc/x?type=x-delayed-message", null, null, "a delayed exchange")]
    public void A_row_it_cannot_map_goes_through_the_bus(string destination, string? properties, string? headers, string why)
    {
        Assert.True(Create(Row(destination, headers, properties)) is null, why);
    }

    [Fact]
    public void A_request_awaiting_a_reply_goes_through_the_bus()
    {
        var row = Row("rabbitmq://127.0.0.1/zgc/x");
        row.RequestId = Guid.NewGuid();
        row.ResponseAddress = "rabbitmq://127.0.0.1/zgc/reply";

        Assert.Null(Create(row));
    }

    private static DirectPublication? Create(OutboxMessage row) =>
        DirectPublication.TryCreate(row, new StoredOutboxMessage(row), "zgc", TraceParent, Now);

    private static OutboxMessage Row(string destination, string? headers = null, string? properties = null) => new()
    {
        MessageId = Guid.NewGuid(),
        CorrelationId = Guid.NewGuid(),
        DueTime = Now,
        CreatedAt = Now,
        SentTime = Now,
        DestinationAddress = destination,
        ContentType = "application/vnd.masstransit+json",
        MessageType = "urn:message:Zgc.Contracts:NoticePassed",
        Body = """{"messageId":"x","message":{"noticeId":"n"}}""",
        Headers = headers,
        Properties = properties,
    };
}
