using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost;
using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// A backlog of overdue timers does not hold back what is published meanwhile (fix 21): each delivery round claims, besides
/// the rows first in due order, the first messages that are not timers. A conversation still goes out in its own order: a
/// message claimed past a timer of its conversation waits for that timer. On SQLite and on PostgreSQL (each has its claim).
/// </summary>
public sealed class TimerBacklogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);
    private const int Batch = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task On_SQLite_a_message_published_behind_overdue_timers_goes_out_in_the_first_round() =>
        OnSqlite(MessageOvertakesTimers);

    [Fact]
    public Task On_PostgreSQL_a_message_published_behind_overdue_timers_goes_out_in_the_first_round() =>
        OnPostgres(MessageOvertakesTimers);

    [Fact]
    public Task On_SQLite_a_message_never_overtakes_an_earlier_timer_of_its_own_conversation() =>
        OnSqlite(ConversationKeepsItsOrder);

    [Fact]
    public Task On_PostgreSQL_a_message_never_overtakes_an_earlier_timer_of_its_own_conversation() =>
        OnPostgres(ConversationKeepsItsOrder);

    [Fact]
    public Task On_SQLite_while_a_sweep_takes_timers_rounds_deliver_the_messages_and_leave_the_timers() =>
        OnSqlite(TimersLeftToTheSweep);

    [Fact]
    public Task On_PostgreSQL_while_a_sweep_takes_timers_rounds_deliver_the_messages_and_leave_the_timers() =>
        OnPostgres(TimersLeftToTheSweep);

    /// <summary>What bounds delivery when a backlog drains is read from these (docs/performance.md, fix 23).</summary>
    [Fact]
    public Task A_round_records_the_time_of_each_phase_and_the_rows_it_sent() => OnSqlite(async delivery =>
    {
        var phases = new ConcurrentBag<string>();
        var sent = new ConcurrentBag<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxBacklog.MeterName && instrument.Name.StartsWith("zgc.outbox.round.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "phase")
                {
                    phases.Add((string)tag.Value!);
                }
            }
        });
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => sent.Add(value));
        listener.Start();

        await delivery.Store([.. Enumerable.Range(0, Batch).Select(i => Row(Guid.NewGuid(), Now.AddMinutes(-1).AddTicks(i), timer: false))]);
        Assert.Equal(Batch, (await delivery.Round()).Count);

        // The meter is shared by the process, so other tests' rounds may be heard too; this one's must be among them.
        Assert.Superset(new HashSet<string> { "claim", "lanes", "send", "commit" }, phases.ToHashSet());
        Assert.Contains(Batch, sent);
    });

    /// <summary>Five timers overdue by ten minutes, each in its own conversation, then a message published now.</summary>
    private static async Task MessageOvertakesTimers<TDb>(Delivery<TDb> delivery)
        where TDb : DbContext
    {
        var timers = Enumerable.Range(0, 5).Select(i => Row(Guid.NewGuid(), Now.AddMinutes(-10).AddTicks(i), timer: true)).ToArray();
        var message = Row(Guid.NewGuid(), Now, timer: false);
        await delivery.Store(timers);
        await delivery.Store([message]);

        var first = await delivery.Round();

        Assert.Equal(Batch + 1, first.Count);
        Assert.Contains(message.MessageId, first);
        Assert.Equal(timers.Take(Batch).Select(t => t.MessageId).Order(), first.Where(id => id != message.MessageId).Order());

        // The timers still drain.
        var rest = await delivery.Drain();
        Assert.Equal(timers.Skip(Batch).Select(t => t.MessageId).Order(), rest.Order());
    }

    /// <summary>
    /// Five overdue timers and three messages; a consumer has just taken a full share of due timers (fix 27). Until the pause
    /// has passed the rounds send the messages only; then the timers drain as before, so none is left behind.
    /// </summary>
    private static async Task TimersLeftToTheSweep<TDb>(Delivery<TDb> delivery)
        where TDb : DbContext
    {
        var timers = Enumerable.Range(0, 5).Select(i => Row(Guid.NewGuid(), Now.AddMinutes(-10).AddTicks(i), timer: true)).ToArray();
        var messages = Enumerable.Range(0, 3).Select(i => Row(Guid.NewGuid(), Now.AddMinutes(-1).AddTicks(i), timer: false)).ToArray();
        await delivery.Store(timers);
        await delivery.Store(messages);
        delivery.Sweeps.TookFullShare();

        var during = await delivery.Drain();

        // Each row is a conversation of its own, and lanes of one round go side by side: compared as sets.
        Assert.Equal(messages.Select(m => m.MessageId).Order(), during.Order());
        delivery.SweepStopwatch.Advance(TimerSweepSignal<TDb>.Pause);
        Assert.False(delivery.Sweeps.Sweeping);
        Assert.Equal(timers.Select(t => t.MessageId).Order(), (await delivery.Drain()).Order());
    }

    /// <summary>
    /// One conversation holds a message, then a timer, then another message, in due order, behind three other overdue
    /// timers. The round's messages reach both of the conversation's messages; the timer between them is beyond the round's
    /// timers, so only the first message may go; the second follows its timer.
    /// </summary>
    private static async Task ConversationKeepsItsOrder<TDb>(Delivery<TDb> delivery)
        where TDb : DbContext
    {
        var conversation = Guid.NewGuid();
        var others = Enumerable.Range(0, 3).Select(i => Row(Guid.NewGuid(), Now.AddMinutes(-20).AddTicks(i), timer: true)).ToArray();
        var before = Row(conversation, Now.AddMinutes(-10), timer: false);
        var timer = Row(conversation, Now.AddMinutes(-9), timer: true);
        var after = Row(conversation, Now.AddMinutes(-8), timer: false);
        await delivery.Store(others);
        await delivery.Store([before, timer, after]);

        var first = await delivery.Round();
        Assert.Contains(before.MessageId, first);
        Assert.DoesNotContain(after.MessageId, first);

        var sent = first.Concat(await delivery.Drain()).ToList();
        Assert.Equal([before.MessageId, timer.MessageId, after.MessageId], sent.Where(id => id == before.MessageId || id == timer.MessageId || id == after.MessageId));
        Assert.Equal(6, sent.Count);
    }

    private static async Task OnSqlite(Func<Delivery<SqliteTestDbContext>, Task> scenario)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using var delivery = await Delivery<SqliteTestDbContext>.Create(o => o.UseSqlite(connection));
        await scenario(delivery);
    }

    private static async Task OnPostgres(Func<Delivery<PostgresTestDbContext>, Task> scenario)
    {
        var database = "zgc_timer_backlog_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            // Inside the try: if setting up fails half-way, the database it created is still dropped below.
            await using var delivery = await Delivery<PostgresTestDbContext>.Create(o => o.UseNpgsql(RealInfrastructure.PostgresDatabase(database)));
            await scenario(delivery);
        }
        finally
        {
            await using var maintenance = new NpgsqlConnection(RealInfrastructure.PostgresDatabase("postgres"));
            await maintenance.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", maintenance);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static OutboxMessage Row(Guid conversation, DateTimeOffset due, bool timer)
    {
        var id = NewId.NextGuid();
        return new OutboxMessage
        {
            MessageId = id,
            ConversationId = conversation,
            DueTime = due,
            ScheduleTokenId = timer ? Guid.NewGuid() : null,
            CreatedAt = due.AddMinutes(-30),
            SentTime = due,
            DestinationAddress = "loopback://localhost/timer-backlog",
            ContentType = "application/vnd.masstransit+json",
            MessageType = "urn:message:Zgc.Messaging.Tests:TimerBacklogPing",
            // A whole MassTransit envelope: the in-memory transport reads it back when it accepts the send.
            Body = $$$"""{"messageId":"{{{id}}}","conversationId":"{{{conversation}}}","destinationAddress":"loopback://localhost/timer-backlog","messageType":["urn:message:Zgc.Messaging.Tests:TimerBacklogPing"],"message":{},"headers":{}}""",
        };
    }

    /// <summary>The delivery worker of one database, driven round by round against an in-memory bus that records each send.</summary>
    private sealed class Delivery<TDb> : IAsyncDisposable
        where TDb : DbContext
    {
        private readonly ConcurrentQueue<Guid> _sent = new();
        private OutboxDeliveryService<TDb> _worker = null!;
        private TimerSweepSignal<TDb>? _sweeps;

        public ServiceProvider Services { get; private set; } = null!;

        /// <summary>The stopwatch of <see cref="Sweeps"/>: moved by hand.</summary>
        public FakeTimeProvider SweepStopwatch { get; } = new();

        public TimerSweepSignal<TDb> Sweeps => _sweeps ??= new TimerSweepSignal<TDb>(SweepStopwatch);

        public static async Task<Delivery<TDb>> Create(Action<DbContextOptionsBuilder> database)
        {
            var delivery = new Delivery<TDb>();
            var services = new ServiceCollection();
            services.AddDbContext<TDb>(database);
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
            services.AddSingleton(Options.Create(new MessagingOptions { OutboxBatchSize = Batch }));
            services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
            var bus = Bus.Factory.CreateUsingInMemory(_ => { });
            bus.ConnectSendObserver(new SendRecorder(delivery._sent));
            services.AddSingleton(bus);
            services.AddSingleton<Zgc.Messaging.Outbox.Transport.DirectPublisher>(); // in-memory bus: not used
            services.AddSingleton(delivery.Sweeps);
            services.AddSingleton<OutboxCommitSignal<TDb>>();
            delivery.Services = services.BuildServiceProvider();
            await using (var scope = delivery.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<TDb>().Database.EnsureCreatedAsync(Ct);
            }

            delivery._worker = ActivatorUtilities.CreateInstance<OutboxDeliveryService<TDb>>(delivery.Services, Enumerable.Empty<ServiceMessagingInfo>());
            await bus.StartAsync(Ct);
            return delivery;
        }

        public async Task Store(OutboxMessage[] rows)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            db.Set<OutboxMessage>().AddRange(rows);
            await db.SaveChangesAsync(Ct);
        }

        /// <summary>One delivery round; what it sent, in send order.</summary>
        public async Task<List<Guid>> Round()
        {
            _sent.Clear();
            await _worker.DeliverBatch(Ct);
            return [.. _sent];
        }

        /// <summary>Rounds until one sends nothing (at most 20); everything sent, in order.</summary>
        public async Task<List<Guid>> Drain()
        {
            var sent = new List<Guid>();
            for (var round = 0; round < 20; round++)
            {
                var some = await Round();
                if (some.Count == 0)
                {
                    break;
                }

                sent.AddRange(some);
            }

            return sent;
        }

        public async ValueTask DisposeAsync()
        {
            await Services.GetRequiredService<IBusControl>().StopAsync(CancellationToken.None);
            await Services.DisposeAsync();
        }
    }
}
