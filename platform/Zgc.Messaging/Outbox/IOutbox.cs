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

    /// <summary>
    /// Publishes <paramref name="message"/> at <paramref name="due"/> under a token the caller chose — one derived from what
    /// the timer is for (<see cref="TimerToken.For"/>), so that it can be cancelled later without being stored anywhere.
    /// </summary>
    Task SchedulePublish<T>(DateTimeOffset due, T message, Guid tokenId, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Removes a pending timer (saved or not); a timer already delivered is not affected.</summary>
    Task Cancel(Guid tokenId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the pending timers of any of <paramref name="tokenIds"/> (saved or not) with one query; tokens with no pending
    /// timer (never scheduled, already delivered) are passed over.
    /// </summary>
    Task Cancel(IReadOnlyCollection<Guid> tokenIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes <paramref name="message"/> in the conversation <paramref name="conversationId"/> instead of this unit of
    /// work's own: what a taken timer's handling publishes keeps the timer's conversation (and so its own delivery lane).
    /// </summary>
    Task Publish<T>(T message, Guid conversationId, CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// Takes up to <paramref name="max"/> timers of type <typeparamref name="T"/> that are due and not yet claimed for
    /// delivery, oldest first, and deletes their rows in this unit of work (saved with the caller's changes): the caller
    /// handles them instead of the broker delivering them. Timers already delivered or being delivered are not taken.
    /// </summary>
    Task<IReadOnlyList<DueTimer<T>>> TakeDueTimers<T>(int max, CancellationToken cancellationToken = default) where T : class;

    /// <summary>
    /// Writes the messages added so far in this unit of work now, in the caller's open transaction (required), and stops
    /// tracking them: on PostgreSQL with one binary COPY, much cheaper than EF's save for many rows at once; elsewhere the
    /// unit of work is saved as usual. For code that produces hundreds of messages in one transaction (a close sweep).
    /// </summary>
    Task WriteAdded(CancellationToken cancellationToken = default);
}
