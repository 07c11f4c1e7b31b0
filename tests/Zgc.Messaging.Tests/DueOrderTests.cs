using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost;
using Zgc.Messaging.Tests.Support;

namespace Zgc.Messaging.Tests;

/// <summary>
/// Delivery claims, groups and checks lanes in one order, (due time, sequence) (ADR 0003): a backlog larger than a batch
/// drains, and what fell due first goes out first, even when a later-due row of its conversation was written earlier.
/// </summary>
public sealed class DueOrderTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 5, 0, 0, TimeSpan.Zero);
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ConcurrentQueue<Guid> _sent = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_an_outage_a_conversation_drains_in_the_order_its_messages_fell_due_in_batches_smaller_than_the_backlog()
    {
        await _connection.OpenAsync(Ct);
        var conversation = Guid.NewGuid();
        // Written first: a timer of the conversation that fell due one minute ago. Written after it: three messages that
        // have waited ten minutes (the broker was down), and one of another conversation waiting five minutes.
        var timer = Row(conversation, Now.AddMinutes(-1));
        var waiting = new[] { Row(conversation, Now.AddMinutes(-10)), Row(conversation, Now.AddMinutes(-10).AddTicks(10)), Row(conversation, Now.AddMinutes(-10).AddTicks(20)) };
        var other = Row(Guid.NewGuid(), Now.AddMinutes(-5));
        await using var services = await Services();
        await Store(services, [timer]);
        await Store(services, waiting);
        await Store(services, [other]);
        var delivery = ActivatorUtilities.CreateInstance<OutboxDeliveryService<SqliteTestDbContext>>(services, Enumerable.Empty<ServiceMessagingInfo>());
        var bus = services.GetRequiredService<IBusControl>();
        await bus.StartAsync(Ct);
        try
        {
            // Two rows a round against five waiting: a round that sent nothing would mean the window is stuck.
            for (var round = 0; round < 5 && await delivery.DeliverBatch(Ct) > 0; round++)
            {
            }
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        var sent = _sent.ToArray();
        Assert.Equal([.. waiting.Select(r => r.MessageId), timer.MessageId], sent.Where(id => id != other.MessageId));
        // The other conversation's message, due before the timer, is not held back by it (lanes of one round run side by side).
        Assert.True(Array.IndexOf(sent, other.MessageId) is var at && at >= 0 && at < Array.IndexOf(sent, timer.MessageId), string.Join(", ", sent));
        await using var scope = services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<SqliteTestDbContext>().Set<OutboxMessage>().Where(r => r.DeliveredAt == null).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_context_never_stamps_a_row_earlier_than_its_previous_one_even_if_the_clock_steps_back()
    {
        await _connection.OpenAsync(Ct);
        await using var db = new SqliteTestDbContext(new DbContextOptionsBuilder<SqliteTestDbContext>().UseSqlite(_connection).Options);
        var clock = new SteppingClock { Now = Now };

        var first = OutboxRows.Stamp(db, clock);
        clock.Now = Now.AddSeconds(-30);
        var second = OutboxRows.Stamp(db, clock);
        clock.Now = Now.AddSeconds(5);
        var third = OutboxRows.Stamp(db, clock);

        Assert.Equal([Now, Now, Now.AddSeconds(5)], [first, second, third]);
    }

    private async Task<ServiceProvider> Services()
    {
        var services = new ServiceCollection();
        services.AddDbContext<SqliteTestDbContext>(o => o.UseSqlite(_connection));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton(Options.Create(new MessagingOptions { OutboxBatchSize = 2 }));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        var bus = Bus.Factory.CreateUsingInMemory(_ => { });
        bus.ConnectSendObserver(new SendRecorder(_sent));
        services.AddSingleton(bus);
        services.AddSingleton<Zgc.Messaging.Outbox.Transport.DirectPublisher>(); // in-memory bus: not used
        services.AddSingleton(new TimerSweepSignal<SqliteTestDbContext>(TimeProvider.System));
        services.AddSingleton<OutboxCommitSignal<SqliteTestDbContext>>();
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SqliteTestDbContext>().Database.EnsureCreatedAsync(Ct);
        return provider;
    }

    private static async Task Store(IServiceProvider services, OutboxMessage[] rows)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SqliteTestDbContext>();
        db.Set<OutboxMessage>().AddRange(rows);
        await db.SaveChangesAsync(Ct);
    }

    private static OutboxMessage Row(Guid conversation, DateTimeOffset due)
    {
        var id = NewId.NextGuid();
        return new OutboxMessage
        {
            MessageId = id,
            ConversationId = conversation,
            DueTime = due,
            CreatedAt = due,
            SentTime = due,
            DestinationAddress = "loopback://localhost/due-order",
            ContentType = "application/vnd.masstransit+json",
            MessageType = "urn:message:Zgc.Messaging.Tests:DueOrderPing",
            // A whole MassTransit envelope: the in-memory transport reads it back when it accepts the send.
            Body = $$$"""{"messageId":"{{{id}}}","conversationId":"{{{conversation}}}","destinationAddress":"loopback://localhost/due-order","messageType":["urn:message:Zgc.Messaging.Tests:DueOrderPing"],"message":{},"headers":{}}""",
        };
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>A wall clock that can be stepped back, as NTP may; <c>FakeTimeProvider</c> refuses to go back.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
