using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// <see cref="IOutbox{TDb}"/> over MassTransit's own outbox endpoint providers: MassTransit builds the
/// send context (serialisation, headers, addresses) and hands it to <see cref="AddSend{T}"/>, which stores it.
/// </summary>
internal sealed class DbOutbox<TDb>(TDb db, IBus bus, TimeProvider clock, IServiceProvider services) : IOutbox<TDb>, OutboxSendContext
    where TDb : DbContext
{
    private readonly Guid _conversationId = NewId.NextGuid();
    private IPublishEndpoint? _publish;
    private ISendEndpointProvider? _send;

    private IPublishEndpoint PublishEndpoint => _publish ??= new PublishEndpoint(new OutboxPublishEndpointProvider(this, bus));

    private ISendEndpointProvider SendEndpointProvider => _send ??= new OutboxSendEndpointProvider(this, bus);

    public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class =>
        PublishEndpoint.Publish(message, cancellationToken);

    public async Task Send<T>(Uri destination, T message, CancellationToken cancellationToken = default) where T : class
    {
        var endpoint = await SendEndpointProvider.GetSendEndpoint(destination);
        await endpoint.Send(message, cancellationToken);
    }

    public async Task<Guid> SchedulePublish<T>(DateTimeOffset due, T message, CancellationToken cancellationToken = default) where T : class
    {
        var token = NewId.NextGuid();
        await SchedulePublish(due, message, token, cancellationToken);
        return token;
    }

    public Task SchedulePublish<T>(DateTimeOffset due, T message, Guid tokenId, CancellationToken cancellationToken = default) where T : class
    {
        var delay = due - clock.GetUtcNow();
        return PublishEndpoint.Publish(message, context =>
        {
            context.Delay = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
            context.ScheduledMessageId = tokenId;
        }, cancellationToken);
    }

    public Task Cancel(Guid tokenId, CancellationToken cancellationToken = default) =>
        OutboxRows.Cancel(db, [tokenId], cancellationToken);

    public Task Cancel(IReadOnlyCollection<Guid> tokenIds, CancellationToken cancellationToken = default) =>
        OutboxRows.Cancel(db, tokenIds, cancellationToken);

    public Task Publish<T>(T message, Guid conversationId, CancellationToken cancellationToken = default) where T : class =>
        PublishEndpoint.Publish(message, context =>
        {
            context.ConversationId = conversationId;
            context.GetOrAddPayload(() => KeptConversation.Instance);
        }, cancellationToken);

    // Runs on this unit of work's DbContext, so inside its transaction (the consumer's, or the caller's own).
    public async Task<IReadOnlyList<DueTimer<T>>> TakeDueTimers<T>(int max, CancellationToken cancellationToken = default) where T : class
    {
        var taken = await DueTimers.Take<T>(db, clock.GetUtcNow(), max, cancellationToken);
        if (taken.Count > 0 && taken.Count >= max)
        {
            services.GetService<TimerSweepSignal<TDb>>()?.TookFullShare();
        }

        return taken;
    }

    public Task WriteAdded(CancellationToken cancellationToken = default) => OutboxCopy.WriteAdded(db, cancellationToken);

    public Task AddSend<T>(SendContext<T> context) where T : class
    {
        // MassTransit gives every send outside a consumer a conversation of its own; delivery keeps order per
        // conversation, so the messages of this unit of work share one to keep their order (ADR 0003) — unless the
        // caller named the conversation (a taken timer's result goes in its timer's).
        if (!context.TryGetPayload<KeptConversation>(out _))
        {
            context.ConversationId = _conversationId;
        }

        OutboxRows.Add(db, context, clock);
        return Task.CompletedTask;
    }

    public object? GetService(Type serviceType) => services.GetService(serviceType);
}

/// <summary>Marks a send whose conversation the caller chose (<see cref="IOutbox{TDb}.Publish{T}(T, Guid, CancellationToken)"/>).</summary>
internal sealed class KeptConversation
{
    public static readonly KeptConversation Instance = new();
}
