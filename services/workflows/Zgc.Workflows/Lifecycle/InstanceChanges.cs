using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Lifecycle;

/// <summary>
/// Wakes the instance page's long polls (<c>Prefer: wait</c>, <see cref="Features.GetInstance"/>) the moment a transaction
/// of this process that added or changed an instance commits: a saga transition, an administrator's action.
/// </summary>
/// <remarks>
/// An EF interceptor on the workflows context: a save notes the instances it writes on the context's pool lease, and the
/// commit of their transaction (or a save that committed on its own) tells whoever watches them. Waking someone for
/// nothing is harmless — the page reads the instance's version again before it answers — so a rolled-back or failed
/// transaction needs no care beyond forgetting its ids. Commits by another replica of the service are not seen here; the
/// page looks at the version every <see cref="WorkflowsOptions.InstanceWatchRecheck"/> for those.
/// </remarks>
internal sealed class InstanceChanges : CommitObserver
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();
    private readonly Dictionary<Guid, Watchers> _watched = [];

    /// <summary>Instances someone is watching now (for tests: a finished watch leaves nothing behind).</summary>
    public int Watched
    {
        get
        {
            lock (_watched)
            {
                return _watched.Count;
            }
        }
    }

    /// <summary>
    /// Starts watching <paramref name="instanceId"/>: the watch's <see cref="Watch.Changed"/> completes at the next commit
    /// of this process that writes the instance. Start the watch before reading the version it should differ from, so a
    /// commit in between is not missed; dispose it when done.
    /// </summary>
    public Watch Start(Guid instanceId)
    {
        lock (_watched)
        {
            if (!_watched.TryGetValue(instanceId, out var watchers))
            {
                _watched[instanceId] = watchers = new Watchers();
            }

            watchers.Count++;
            return new Watch(this, instanceId, watchers);
        }
    }

    private void Stop(Guid instanceId, Watchers watchers)
    {
        lock (_watched)
        {
            // After a change the entry was replaced (or removed); only the current one's count matters.
            if (--watchers.Count == 0 && _watched.TryGetValue(instanceId, out var current) && current == watchers)
            {
                _watched.Remove(instanceId);
            }
        }
    }

    private void Tell(List<Guid> instanceIds)
    {
        List<Watchers>? woken = null;
        lock (_watched)
        {
            foreach (var id in instanceIds)
            {
                if (_watched.Remove(id, out var watchers))
                {
                    (woken ??= []).Add(watchers);
                }
            }
        }

        // Outside the lock: the continuations run elsewhere (RunContinuationsAsynchronously), but keep the lock short anyway.
        foreach (var watchers in woken ?? [])
        {
            watchers.Changed.TrySetResult();
        }
    }

    protected override void Saving(DbContext context) => Note(context);

    protected override void Committed(DbContext context)
    {
        if (Take(context) is { } ids)
        {
            Tell(ids);
        }
    }

    protected override void RolledBack(DbContext context) => Take(context);

    /// <summary>
    /// The instances this save writes. Only the tracked instances are checked for changes: <c>Entries</c> with automatic
    /// detection would scan every tracked entity (history rows, inbox and outbox rows) just before the save scans them all
    /// again (~1 % of the standalone walk's CPU, docs/performance.md).
    /// </summary>
    private void Note(DbContext context)
    {
        if (context is not WorkflowsDbContext)
        {
            return;
        }

        List<Guid>? ids = null;
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<PlatformLifecycle>())
            {
                if (detect && entry.State == EntityState.Unchanged)
                {
                    entry.DetectChanges();
                }

                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    (ids ??= []).Add(entry.Entity.CorrelationId);
                }
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }

        if (ids is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            if (pending.Lease != context.ContextId.Lease)
            {
                pending.Lease = context.ContextId.Lease;
                pending.Ids.Clear();
            }

            pending.Ids.AddRange(ids);
        }
    }

    private List<Guid>? Take(DbContext? context)
    {
        if (context is not WorkflowsDbContext || !_pending.TryGetValue(context, out var pending))
        {
            return null;
        }

        lock (pending)
        {
            if (pending.Ids.Count == 0 || pending.Lease != context.ContextId.Lease)
            {
                pending.Ids.Clear();
                return null;
            }

            List<Guid> ids = [.. pending.Ids];
            pending.Ids.Clear();
            return ids;
        }
    }

    private sealed class Pending
    {
        public int Lease { get; set; } = -1;

        public List<Guid> Ids { get; } = [];
    }

    internal sealed class Watchers
    {
        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }
    }

    /// <summary>One watcher's interest in one instance, from <see cref="Start"/>.</summary>
    public sealed class Watch : IDisposable
    {
        private readonly InstanceChanges _owner;
        private readonly Guid _instanceId;
        private readonly Watchers _watchers;
        private bool _stopped;

        internal Watch(InstanceChanges owner, Guid instanceId, Watchers watchers)
        {
            _owner = owner;
            _instanceId = instanceId;
            _watchers = watchers;
        }

        /// <summary>Completes when a commit of this process writes the instance.</summary>
        public Task Changed => _watchers.Changed.Task;

        public void Dispose()
        {
            if (!_stopped)
            {
                _stopped = true;
                _owner.Stop(_instanceId, _watchers);
            }
        }
    }
}
