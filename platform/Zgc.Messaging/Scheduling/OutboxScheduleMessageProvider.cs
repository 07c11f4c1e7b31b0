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
        CancellationToken cancellationToken) where T : class =>
        _delayed.ScheduleSend(destinationAddress, scheduledTime, message, pipe, cancellationToken);

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId, cancellationToken);

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) => Cancel(tokenId, cancellationToken);

    private Task Cancel(Guid tokenId, CancellationToken cancellationToken)
    {
        // The outbox consume context is also the message scope's service provider, so this is the same
        // DbContext (and transaction) the state machine is saved with.
        var services = context as IServiceProvider ?? context.GetPayload<IServiceProvider>();
        var db = services.GetRequiredService<TDb>();
        return OutboxRows.Cancel(db, tokenId, cancellationToken);
    }
}
