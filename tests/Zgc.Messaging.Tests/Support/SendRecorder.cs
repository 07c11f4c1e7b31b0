using System.Collections.Concurrent;
using MassTransit;

namespace Zgc.Messaging.Tests.Support;

/// <summary>Records the id of every message a bus sent, in the order the sends completed.</summary>
internal sealed class SendRecorder(ConcurrentQueue<Guid> sent) : ISendObserver
{
    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        sent.Enqueue(context.MessageId ?? Guid.Empty);
        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
