using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Management;
using Zgc.Monitoring.Persistence;

namespace Zgc.Monitoring.Features.Management;

/// <summary>The deadline timer of a rectification order fired: an order not completed becomes overdue.</summary>
internal sealed class RectificationDueConsumer(MonitoringDbContext db, IOutbox<MonitoringDbContext> outbox, TimeProvider clock) : IConsumer<RectificationDue>
{
    public async Task Consume(ConsumeContext<RectificationDue> context)
    {
        var order = await db.Rectifications.SingleOrDefaultAsync(o => o.Id == context.Message.OrderId, context.CancellationToken);
        var now = clock.GetUtcNow();
        if (order is { Status: RectificationStatus.Open } && now < order.DueAt)
        {
            // Found due by a replica whose clock is ahead of this one (skew, or a process just restarted): set the timer
            // again for its instant rather than lose it or mark the order overdue early.
            await outbox.SchedulePublish(order.DueAt, context.Message, RectificationTimer.Due(order.Id), context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        if (order is null || !order.MarkOverdue(now))
        {
            return;
        }

        db.History.Add(PlatformEvent.Of(order.ApplicationId, PlatformEventKind.RectificationOverdue,
            $"Rectification not completed by {order.Deadline:yyyy-MM-dd}.", "system", now, order.Id));
        await outbox.Publish(new RectificationOverdue(order.ApplicationId, order.Id, order.Deadline, now), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
