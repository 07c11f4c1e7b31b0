using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;

namespace Zgc.Messaging.Inbox;

/// <summary>
/// The consume context a consumer or state machine sees: MassTransit's base class reroutes Publish, Send and
/// the scheduler into <see cref="AddSend{T}"/>, which stores rows in the consumer's transaction. Delivery is
/// never inline: the delivery worker sends the rows once the transaction has committed.
/// </summary>
internal sealed class DbOutboxConsumeContext<TMessage>(
    ConsumeContext<TMessage> context, OutboxConsumeOptions options, IServiceProvider provider, DbContext db, TimeProvider clock)
    : OutboxConsumeContextProxy<TMessage>(context, options, provider)
    where TMessage : class
{
    public override bool ContinueProcessing { get; set; } = true;

    public override bool IsMessageConsumed => false;

    public override bool IsOutboxDelivered => false;

    public override int ReceiveCount => 0;

    public override long? LastSequenceNumber => null;

    public override Task SetConsumed() => Task.CompletedTask;

    public override Task SetDelivered() => Task.CompletedTask;

    public override Task<List<OutboxMessageContext>> LoadOutboxMessages() => Task.FromResult(new List<OutboxMessageContext>());

    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message) => Task.CompletedTask;

    public override Task RemoveOutboxMessages() => Task.CompletedTask;

    public override Task AddSend<T>(SendContext<T> context)
    {
        OutboxRows.Add(db, context, clock);
        return Task.CompletedTask;
    }
}
