using MassTransit;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Messaging.Outbox;

namespace Zgc.Messaging.Scheduling;

/// <summary>
/// A state machine's <c>Schedule</c> becomes a delayed send through the consumer's outbox context, which
/// stores it as a row with a due time and the schedule token; <c>Unschedule</c> deletes that row in the
/// same transaction. No broker plugin and no scheduler service are involved.
/// </summary>
internal sealed class OutboxScheduleMessageProvider<TDb>(ConsumeContext context) : IScheduleMessageProvider
    where TDb : DbContext
{
    private readonly DelayedScheduleMessageProvider _delayed = new(context);

    public Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message, IPipe<SendContext<T>> pipe,
        CancellationToken cancellationToken) where T : class
    {
        // Operators read pending timers by the instance they belong to (GET /{service}/timers): a state machine's
        // timer carries its saga's correlation id. The saga being handled is the one tracked by this scope's DbContext.
        var correlationId = SagaBeingHandled() ?? context.CorrelationId;
        var withCorrelation = correlationId is null
            ? pipe
            : Pipe.Execute<SendContext<T>>(async send =>
            {
                await pipe.Send(send);
                send.CorrelationId ??= correlationId;
            });
        return _delayed.ScheduleSend(destinationAddress, scheduledTime, message, withCorrelation, cancellationToken);
    }

    private Guid? SagaBeingHandled()
    {
        var services = context as IServiceProvider ?? (context.TryGetPayload<IServiceProvider>(out var payload) ? payload : null);
        var sagas = services?.GetService<TDb>()?.ChangeTracker.Entries<ISaga>().Select(e => e.Entity.CorrelationId).Distinct().Take(2).ToList();
        return sagas is { Count: 1 } ? sagas[0] : null;
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId, cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId, cancellationToken);

    private Task Cancel(Guid tokenId, CancellationToken cancellationToken)
    {
        // The outbox consume context is also the message scope's service provider, so this is the same
        // DbContext (and transaction) the state machine is saved with.
        var services = context as IServiceProvider ?? context.GetPayload<IServiceProvider>();
        var db = services.GetRequiredService<TDb>();
        return OutboxRows.Cancel(db, [tokenId], cancellationToken);
    }
}
