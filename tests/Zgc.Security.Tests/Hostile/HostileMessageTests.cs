using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using Zgc.Funding.Persistence;
using Zgc.Testing;

namespace Zgc.Security.Tests.Hostile;

/// <summary>The standalone host on the real RabbitMQ, in a virtual host of its own (SQLite files as usual).</summary>
public sealed class RabbitMqHostileApp(string rabbitMqUri) : ServiceAppFactory<Zgc.Standalone.Program>
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq"] = rabbitMqUri,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
    };
}

/// <summary>
/// Issue 11, part 5 (messages): unreadable bytes, JSON of the wrong shape, and a well-formed command carrying hostile values
/// are put straight on a consumer's queue on the real broker. Each must end in that queue's <c>_error</c> queue; the
/// consumer and the service keep running and still process a good command afterwards. Funding's PrepareAgreement consumer
/// is the subject: it turns a command into money (an agreement with its investment figures).
/// </summary>
public sealed class HostileMessageTests : IAsyncLifetime
{
    private const string Queue = "funding-prepare-agreement";
    private const string MessageType = "urn:message:Zgc.Funding.Contracts:PrepareAgreement";
    private const string MassTransitJson = "application/vnd.masstransit+json";

    private RabbitMqVirtualHost? _vhost;
    private RabbitMqHostileApp? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.Create("zgc-hostile");
        _app = new RabbitMqHostileApp(_vhost.Uri);
        _ = _app.Services; // starts the host, its bus and every receive endpoint
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }

    [Fact, Trait("Category", "Hostile")]
    public async Task Malformed_and_hostile_messages_go_to_the_error_queue_and_the_consumer_still_takes_a_good_one()
    {
        var app = _app!;
        var factory = new ConnectionFactory { Uri = new Uri(_vhost!.Uri) };
        await using var connection = await factory.CreateConnectionAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        await Eventually.True(async () => await Exists(connection, Queue), $"the queue {Queue}", TimeSpan.FromSeconds(60));

        var hostileIds = new List<Guid>();
        var bad = new List<(string Name, byte[] Body, string ContentType)>
        {
            ("not JSON", Encoding.UTF8.GetBytes("this is not JSON {{{"), MassTransitJson),
            ("binary", [0x00, 0xFF, 0xFE, 0x01, 0x80], MassTransitJson),
            ("JSON of the wrong shape", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                messageId = Guid.NewGuid(), messageType = new[] { MessageType },
                message = new { applicationId = "not-a-guid", totalInvestmentFen = "lots", supportBaseFen = new[] { 1, 2 } },
            })), MassTransitJson),
            ("an envelope that is an array", Encoding.UTF8.GetBytes("[1,2,3]"), MassTransitJson),
            ("overflowing money", Encoding.UTF8.GetBytes(
                "{\"messageId\":\"" + Guid.NewGuid() + "\",\"messageType\":[\"" + MessageType + "\"],\"message\":{\"applicationId\":\"" + Guid.NewGuid()
                + "\",\"totalInvestmentFen\":9223372036854775808}}"),
                MassTransitJson),
        };
        foreach (var (name, message) in new (string, object)[]
        {
            ("negative money", Command(Track(hostileIds), totalFen: -100_000, supportFen: -50_000)),
            ("support base above the total", Command(Track(hostileIds), totalFen: 100, supportFen: 1_000_000)),
            ("a 1 MB platform name", Command(Track(hostileIds), platformName: new string('平', 1024 * 1024))),
            ("control characters and bidi overrides", Command(Track(hostileIds), unitName: HostileValues.Controls + HostileValues.Bidi)),
            ("no application", Command(Guid.Empty)),
        })
        {
            bad.Add((name, Envelope(message), MassTransitJson));
        }

        foreach (var (_, body, contentType) in bad)
        {
            await Publish(channel, body, contentType);
        }

        var good = Guid.NewGuid();
        await Publish(channel, Envelope(Command(good)), MassTransitJson);

        // The good command, sent after every bad one, is still taken: the consumer survived them.
        await Eventually.True(() => app.InDb<FundingDbContext, bool>(db => db.Agreements.AnyAsync(a => a.ApplicationId == good, Ct)),
            "the agreement of the good command", TimeSpan.FromSeconds(60));
        await Eventually.True(async () => await Count(connection, Queue + "_error") >= bad.Count,
            $"{bad.Count} messages in {Queue}_error", TimeSpan.FromSeconds(60));

        Assert.Equal((uint)bad.Count, await Count(connection, Queue + "_error"));
        Assert.Equal(0u, await Count(connection, Queue + "_skipped"));
        var drafted = await app.InDb<FundingDbContext, List<Guid>>(db => db.Agreements.Where(a => hostileIds.Contains(a.ApplicationId)).Select(a => a.ApplicationId).ToListAsync(Ct));
        Assert.Empty(drafted);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        TestContext.Current.TestOutputHelper?.WriteLine($"{bad.Count} hostile messages sent to {Queue}: all in {Queue}_error; the good one drafted its agreement.");
        foreach (var (name, _, _) in bad)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"  - {name}");
        }
    }

    private static Guid Track(List<Guid> ids)
    {
        var id = Guid.NewGuid();
        ids.Add(id);
        return id;
    }

    private static object Command(Guid applicationId, long totalFen = 1_000_000_000, long supportFen = 800_000_000, string platformName = "集成电路协同创新平台",
        string unitName = "北京示例科技有限公司") => new
        {
            applicationId, platformName, unitUscc = IntakePayloads.DefaultUnit, unitName, industryField = "next-generation-it", subPark = "haidian",
            especiallyMajor = false, majorDecisionReference = (string?)null, totalInvestmentFen = totalFen, supportBaseFen = supportFen,
            includedAt = DateTimeOffset.UtcNow,
        };

    /// <summary>MassTransit's JSON envelope, as another service's bus would send it.</summary>
    private static byte[] Envelope(object message) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        messageId = Guid.NewGuid(), messageType = new[] { MessageType }, message, sentTime = DateTimeOffset.UtcNow,
    });

    private static async Task Publish(IChannel channel, byte[] body, string contentType)
    {
        var properties = new BasicProperties { ContentType = contentType, MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("", Queue, mandatory: false, properties, body, Ct);
    }

    private static async Task<bool> Exists(IConnection connection, string queue)
    {
        // A passive declare of a missing queue closes the channel, so each probe gets its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: Ct);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, Ct);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    private static async Task<uint> Count(IConnection connection, string queue) =>
        await Exists(connection, queue) ? await CountOf(connection, queue) : 0;

    private static async Task<uint> CountOf(IConnection connection, string queue)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: Ct);
        return (await probe.QueueDeclarePassiveAsync(queue, Ct)).MessageCount;
    }
}
