using System.Collections.Concurrent;
using MassTransit;
using Zgc.Notice.Contracts;

namespace Zgc.Bench.Programme.Scenarios.Timers;

/// <summary>
/// The bench's own bus on the notice service's virtual host: it sends the workflows service's <see cref="PublishNotice"/>
/// and hears what the notice service announces (<see cref="NoticePublished"/>, <see cref="NoticePassed"/>,
/// <see cref="NoticeFailed"/>) on a queue of its own, noting the real instant each arrives. Duplicates and results of
/// notices the bench never saw published are counted, not timed.
/// </summary>
internal sealed class NoticeWatch : IAsyncDisposable
{
    private const string Queue = "bench-timers-watch";

    private readonly IBusControl _bus;
    private readonly int _expected;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _closesAt = new();
    private readonly ConcurrentDictionary<Guid, Passed> _passed = new();
    private readonly TaskCompletionSource _allPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allPassed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _duplicatePublished;
    private int _duplicatePassed;
    private int _unknownPassed;
    private int _failed;

    private NoticeWatch(string rabbitMq, int expected)
    {
        _expected = expected;
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbitMq));
            cfg.ReceiveEndpoint(Queue, e =>
            {
                // Wide enough that the bench's own handling never queues arrivals behind each other and adds to the lateness.
                e.PrefetchCount = 256;
                e.ConcurrentMessageLimit = 64;
                e.Handler<NoticePublished>(c => Published(c.Message));
                e.Handler<NoticePassed>(c => PassedArrived(c.Message));
                e.Handler<NoticeFailed>(_ => Failed());
            });
        });
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
        await _bus.StopAsync(timeout.Token);
    }

    private Task Published(NoticePublished message)
    {
        if (!_closesAt.TryAdd(message.NoticeId, message.ClosesAt))
        {
            Interlocked.Increment(ref _duplicatePublished);
        }
        else if (_closesAt.Count >= _expected)
        {
            _allPublished.TrySetResult();
        }

        return Task.CompletedTask;
    }

    private Task PassedArrived(NoticePassed message)
    {
        var arrived = DateTimeOffset.UtcNow;
        if (!_closesAt.ContainsKey(message.NoticeId))
        {
            Interlocked.Increment(ref _unknownPassed);
        }
        else if (!_passed.TryAdd(message.NoticeId, new Passed(arrived, message.DecidedAt)))
        {
            Interlocked.Increment(ref _duplicatePassed);
        }
        else if (_passed.Count >= _expected)
        {
            _allPassed.TrySetResult();
        }

        return Task.CompletedTask;
    }

    private Task Failed()
    {
        Interlocked.Increment(ref _failed);
        return Task.CompletedTask;
    }
}
