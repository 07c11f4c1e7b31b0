namespace Zgc.Messaging.Outbox;

/// <summary>
/// A due timer taken over by the code that handles it (<see cref="IOutbox{TDb}.TakeDueTimers{T}"/>): its row is deleted in
/// the caller's transaction, so it is handled there or — if that transaction rolls back — delivered as usual later.
/// </summary>
/// <param name="Message">The scheduled message, as it would have been delivered.</param>
/// <param name="TokenId">The token it was scheduled with.</param>
/// <param name="DueTime">When it fell due.</param>
/// <param name="ConversationId">The conversation it was written in: what its handling publishes belongs there (its delivery lane).</param>
public sealed record DueTimer<T>(T Message, Guid TokenId, DateTimeOffset DueTime, Guid? ConversationId) where T : class;
