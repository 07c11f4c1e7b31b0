using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Zgc.Notice.Contracts;

namespace Zgc.Bench.Programme.Scenarios.Timers;

/// <summary>
/// The bench on the notice service's virtual host: its own bus sends the workflows service's <see cref="PublishNotice"/>,
/// and a plain channel hears what the notice service announces (<see cref="NoticePublished"/>, <see cref="NoticePassed"/>,
/// <see cref="NoticeFailed"/>) on a queue of its own, noting the real instant each arrives. Duplicates and results of
/// notices the bench never saw published are counted, not timed.
/// </summary>
internal sealed class NoticeWatch : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly string _rabbitMq;
    private readonly int _expected;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _closesAt = new();
    private readonly ConcurrentDictionary<Guid, Passed> _passed = new();
    private readonly TaskCompletionSource _allPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allPassed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnection? _connection;
    private IChannel? _channel;
    private string? _publishedExchange;
    private string? _passedExchange;
    private int _duplicatePublished;
    private int _duplicatePassed;
    private int _unknownPassed;
    private int _failed;

    private NoticeWatch(string rabbitMq, int expected)
    {
        _expected = expected;
        _rabbitMq = rabbitMq;
        // Only to send, as the workflows service does; what comes back is heard on a plain channel (Listen).
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(rabbitMq)));
    }

    /// <summary>The real instant a result arrived, and when the notice service says it decided (its simulated clock).</summary>
    public readonly record struct Passed(DateTimeOffset ArrivedAt, DateTimeOffset DecidedAt);

    public IReadOnlyDictionary<Guid, DateTimeOffset> ClosesAt => _closesAt;

    public IReadOnlyDictionary<Guid, Passed> PassedNotices => _passed;

    public int DuplicatePublished => Volatile.Read(ref _duplicatePublished);

    public int DuplicatePassed => Volatile.Read(ref _duplicatePassed);

    public int UnknownPassed => Volatile.Read(ref _unknownPassed);

    public int FailedNotices => Volatile.Read(ref _failed);

    public Task AllPublished => _allPublished.Task;

    public Task AllPassed => _allPassed.Task;

    public static async Task<NoticeWatch> Start(string rabbitMq, int expected)
    {
        var watch = new NoticeWatch(rabbitMq, expected);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await watch._bus.StartAsync(timeout.Token);
        await watch.Listen(timeout.Token);
        return watch;
    }

    /// <summary>Sends <paramref name="count"/> commands as the workflows service's lifecycle does, several at once (each awaits the broker's confirm).</summary>
    public Task SendPublishNotices(int count, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (i, token) => await _bus.Publish(new PublishNotice(Guid.NewGuid(), $"基准测试平台 {i:00000}", $"基准测试单位 {i:00000}",
                "新一代信息技术", "海淀园", "计时器基准测试：公示期同时结束。"), token));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (_channel is not null)
        {
            await _channel.CloseAsync(timeout.Token);
            _channel.Dispose();
        }

        if (_connection is not null)
        {
            await _connection.CloseAsync(timeout.Token);
            _connection.Dispose();
        }

        await _bus.StopAsync(timeout.Token);
    }

    /// <summary>
    /// Hears the notice service's announcements on a queue of the bench's own, bound to their exchanges (named as the bus
    /// names them), with a plain RabbitMQ.Client consumer: each arrival is timed when the broker hands it over, and reading
    /// three fields of the envelope is all the work it costs. A MassTransit receive endpoint here took up to ~0.4 of a core
    /// while 10,000 results arrived — CPU the notice service, PostgreSQL and RabbitMQ were short of on two cores — and added
    /// its own pipeline to each measured lateness (docs/performance.md, fix 45).
    /// </summary>
    private async Task Listen(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(_rabbitMq), ClientProvidedName = "zgc-bench-timers-watch" };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = (await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        _publishedExchange = ExchangeOf<NoticePublished>();
        _passedExchange = ExchangeOf<NoticePassed>();
        foreach (var exchange in new[] { _publishedExchange, _passedExchange, ExchangeOf<NoticeFailed>() })
        {
            // Declared as MassTransit declares a message type's exchange, so whichever side comes first, both agree.
            await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await _channel.QueueBindAsync(queue, exchange, "", cancellationToken: cancellationToken);
        }

        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            Arrived(delivery.Exchange, delivery.Body, arrived);
            return Task.CompletedTask;
        };
        // Acknowledged on delivery: the queue is the bench's alone and lives only as long as this watch.
        await _channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
    }

    private string ExchangeOf<T>()
        where T : class
    {
        if (!_bus.Topology.Publish<T>().TryGetPublishAddress(_bus.Address, out var address))
        {
            throw new InvalidOperationException($"The bus has no publish address for {typeof(T).Name}.");
        }

        return address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
    }

    /// <summary>One announcement: the MassTransit envelope's <c>message</c> holds the contract's fields in camel case.</summary>
    private void Arrived(string exchange, ReadOnlyMemory<byte> body, DateTimeOffset arrived)
    {
        var (noticeId, decidedAt, closesAt) = Read(body.Span);
        if (exchange == _passedExchange)
        {
            PassedArrived(noticeId, decidedAt, arrived);
        }
        else if (exchange == _publishedExchange)
        {
            Published(noticeId, closesAt);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>
    /// The three fields the watch needs from the envelope's <c>message</c>, read in one pass without building a document
    /// (the listener's cost counts against the service on these two cores).
    /// </summary>
    private static (Guid NoticeId, DateTimeOffset DecidedAt, DateTimeOffset ClosesAt) Read(ReadOnlySpan<byte> envelope)
    {
        var reader = new Utf8JsonReader(envelope);
        Guid noticeId = default;
        DateTimeOffset decidedAt = default, closesAt = default;
        var inMessage = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 1)
            {
                inMessage = reader.ValueTextEquals("message"u8);
                if (!inMessage)
                {
                    reader.Read();
                    reader.Skip();
                }

                continue;
            }

            if (!inMessage || reader.CurrentDepth != 2)
            {
                continue;
            }

            if (reader.ValueTextEquals("noticeId"u8))
            {
                reader.Read();
                noticeId = reader.GetGuid();
            }
            else if (reader.ValueTextEquals("decidedAt"u8))
            {
                reader.Read();
                decidedAt = reader.GetDateTimeOffset();
            }
            else if (reader.ValueTextEquals("closesAt"u8))
            {
                reader.Read();
                closesAt = reader.GetDateTimeOffset();
            }
        }

        return noticeId == Guid.Empty
            ? throw new InvalidDataException("An announcement without message.noticeId.")
            : (noticeId, decidedAt, closesAt);
    }

    private void Published(Guid noticeId, DateTimeOffset closesAt)
    {
        if (!_closesAt.TryAdd(noticeId, closesAt))
        {
            Interlocked.Increment(ref _duplicatePublished);
        }
        else if (_closesAt.Count >= _expected)
        {
            _allPublished.TrySetResult();
        }
    }

    private void PassedArrived(Guid noticeId, DateTimeOffset decidedAt, DateTimeOffset arrived)
    {
        if (!_closesAt.ContainsKey(noticeId))
        {
            Interlocked.Increment(ref _unknownPassed);
        }
        else if (!_passed.TryAdd(noticeId, new Passed(arrived, decidedAt)))
        {
            Interlocked.Increment(ref _duplicatePassed);
        }
        else if (_passed.Count >= _expected)
        {
            _allPassed.TrySetResult();
        }
    }
}
