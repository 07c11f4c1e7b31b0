using MassTransit;
using MassTransit.Context;
using MassTransit.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Zgc.Messaging.Scheduling;

/// <summary>
/// Gives every message on a service's endpoint a scheduler that writes due-dated outbox rows. Attached per
/// endpoint (not on the bus) because in the standalone host several services, each with its own database,
/// share one bus (notes/MASSTRANSIT.md §5).
/// </summary>
internal sealed class OutboxSchedulerFilter<TDb> : IFilter<ConsumeContext>
    where TDb : DbContext
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context,
            c => new MessageScheduler(new OutboxScheduleMessageProvider<TDb>(c), c.GetPayload<IBusTopology>())));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("zgc-outbox-scheduler");
}
