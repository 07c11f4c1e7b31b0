using System.Collections.Concurrent;
using MassTransit;

namespace Zgc.Notice.Tests;

/// <summary>
/// Remembers the ids of messages whose delivery finished (handled or skipped), so a test can wait until a
/// duplicate has really been delivered before asserting that it changed nothing.
/// </summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _finished = new();

    public int Finished(Guid messageId) => _finished.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _finished.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
