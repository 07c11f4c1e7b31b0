using Microsoft.EntityFrameworkCore;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// How an API handler (or any code outside a consumer) publishes, sends and schedules messages for a
/// service: each call adds a row to <typeparamref name="TDb"/>, committed by the caller's own
/// <c>SaveChangesAsync</c> together with the state change. Nothing reaches the broker before that commit.
/// </summary>
public interface IOutbox<TDb> where TDb : DbContext
{
    Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class;

    Task Send<T>(Uri destination, T message, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Publishes <paramref name="message"/> at <paramref name="due"/>; returns the token that cancels it.</summary>
    Task<Guid> SchedulePublish<T>(DateTimeOffset due, T message, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Removes a pending timer (saved or not); a timer already delivered is not affected.</summary>
    Task Cancel(Guid tokenId, CancellationToken cancellationToken = default);
}
