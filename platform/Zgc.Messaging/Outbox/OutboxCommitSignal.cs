using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Wakes a service's outbox delivery worker the moment a transaction of this process that wrote outbox rows commits, so
/// a message waits neither for the worker's next poll nor (after a round that found little) for a round that finds
/// nothing. The worker still polls: for rows other replicas wrote, for timers falling due, after a restart.
/// </summary>
/// <remarks>
/// Before, the worker slept <see cref="MessagingOptions.OutboxPollInterval"/> (100 ms) after an empty round and went again
/// at once after a partial one: every hop of a lifecycle waited up to 100 ms when its service had been idle, and a busy
/// service ran an empty claim transaction after nearly every round (~48 a second across the standalone's six services,
/// docs/performance.md, fix 38). An EF interceptor on the service's context: a row added by <see cref="OutboxRows"/> marks
/// the context's pool lease (beside the lease's stamp clock); the commit of its transaction (or a save that committed on its own) signals.
/// </remarks>
internal sealed class OutboxCommitSignal<TDb> : CommitObserver
    where TDb : DbContext
{
    // A one-slot signal: any number of commits before the worker looks again wake it once.
    private readonly SemaphoreSlim _committed = new(0, 1);

    /// <summary>Waits until a transaction that wrote outbox rows commits, or <paramref name="timeout"/> passes.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _committed.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Set()
    {
        if (_committed.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _committed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit set it between the check and the release: the worker is woken either way.
        }
    }

    protected override void Committed(DbContext context)
    {
        if (context is TDb && OutboxRows.TakeUnannounced(context))
        {
            Set();
        }
    }

    protected override void RolledBack(DbContext context) => OutboxRows.TakeUnannounced(context);
}
