using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>
/// Closes the notices whose close timers fell due together, in transactions of its own (performance.md, fixes 20 and 29).
/// Notices published on one day close at one instant: the first close timer handled wakes the sweeper, which takes the
/// other due close timers out of the outbox (<see cref="IOutbox{TDb}.TakeDueTimers{T}"/>) <c>Notice:CloseSweepSize</c> at a time,
/// closes their notices and writes each result in its own timer's conversation, all in one transaction; it goes on while
/// a take comes back full. A taken timer is never delivered; one the delivery worker sent before is handled by the
/// consumer and finds its notice decided, or decides it. A sweep only saves the timers' trips through the broker and the
/// consumer: a sweep that fails is undone, logged, and its timers are delivered one by one as if there were no sweeper.
/// </summary>
internal sealed partial class CloseSweeper(IServiceScopeFactory scopes, IOptions<NoticeOptions> options, ILogger<CloseSweeper> logger) : BackgroundService
{
    /// <summary>
    /// How many sweeps run at once: one per core keeps the cores busy, commits each sweep soonest and keeps the process
    /// under 300 MB (performance.md, fixes 26–27: measured better than two per core or one at a time).
    /// </summary>
    internal static readonly int Concurrent = Environment.ProcessorCount;

    /// <summary>How many of a sweep's closes are saved together, so what EF builds to save them lives only while one part is written.</summary>
    private const int SavePartSize = 100;

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Close timers fell due: sweep soon. Calls while a sweep runs make one more pass after it.</summary>
    public void Wake()
    {
        // Already woken: the pass to come covers this call too. Checked first because most calls come while a wake is
        // pending (every close consumer of a due batch calls it), and a throw per call cost more than the call.
        if (_wake.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another call woke it between the check and the release.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => SweepWhileFull(stoppingToken)));
        }
    }

    private async Task SweepWhileFull(CancellationToken stoppingToken)
    {
        try
        {
            var size = options.Value.CloseSweepSize;
            while (!stoppingToken.IsCancellationRequested && await SweepOnce(size, stoppingToken) == size)
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the open transaction is rolled back and its timers stay in the outbox.
        }
        catch (Exception ex)
        {
            // Undone (the transaction never committed); these timers are delivered one by one. No retry here: a timer that
            // cannot be handled would fail every sweep that takes it, and delivered alone it reaches the error queue instead.
            LogSweepUndone(ex);
        }
    }

    /// <summary>One transaction: takes up to <paramref name="size"/> due close timers and closes their notices. Returns how many it took.</summary>
    private async Task<int> SweepOnce(int size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NoticeDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox<NoticeDbContext>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // A failure abandons the whole transaction, so the savepoints EF would wrap around each save buy nothing.
            db.Database.AutoSavepointsEnabled = false;
            var due = await outbox.TakeDueTimers<CloseNotice>(size, cancellationToken);
            foreach (var part in due.Chunk(SavePartSize))
            {
                await ClosePart(db, outbox, clock, part, cancellationToken);
                // Saved: no longer tracked, so the next part's save does not walk the parts before it again.
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
            return due.Count;
        });
    }

    /// <summary>
    /// Closes one part's notices. The domain decides each result (<see cref="PublicNotice.Close"/>) on notices read without
    /// tracking; the results are then written by one <c>UPDATE … WHERE Id IN (…)</c> per distinct outcome (all "passed, no
    /// objection" at one instant, as a rule) instead of one tracked update each: EF's save pipeline was two thirds of a
    /// sweep's CPU (performance.md, fix 29). Each update also requires the notice to be still open, and a count that falls
    /// short undoes the sweep. A notice the timer does not simply close (a stale timer, or one early by this host's clock)
    /// takes the consumer's tracked path.
    /// </summary>
    private async Task ClosePart(NoticeDbContext db, IOutbox<NoticeDbContext> outbox, TimeProvider clock, DueTimer<CloseNotice>[] part,
        CancellationToken cancellationToken)
    {
        var ids = part.Select(t => t.Message.NoticeId).Distinct().Order().ToList();
        if (db.Database.IsNpgsql())
        {
            // Locked first (in one order, so two sweeps cannot wait on each other), so that nothing changes them between this
            // read and the updates below: an officer's withdrawal, or a consumer closing one whose timer reached it
            // directly, waits for this transaction or is waited for, and is then seen here.
            // Only identifiers from the EF model are concatenated; the ids are a parameter.
            var entity = db.Model.FindEntityType(typeof(PublicNotice))!;
            var id = entity.FindProperty(nameof(PublicNotice.Id))!.GetColumnName();
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM \"{entity.GetTableName()}\" WHERE \"{id}\" = ANY({{0}}) ORDER BY \"{id}\" FOR UPDATE",
                [ids.ToArray()], cancellationToken);
#pragma warning restore EF1002
        }

        // Loaded together, so each close finds its notice without a query of its own (fix 22: not through DbSet.Local).
        var notices = await db.Notices.AsNoTracking().Include(n => n.Objections).Where(n => ids.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, cancellationToken);
        var now = clock.GetUtcNow();
        var closed = new List<PublicNotice>();
        foreach (var timer in part)
        {
            var notice = notices.GetValueOrDefault(timer.Message.NoticeId);
            if (notice is { Status: NoticeStatus.Open } && notice.ClosesAt == timer.Message.ClosesAt && now >= timer.Message.ClosesAt)
            {
                notice.Close(now);
                closed.Add(notice);
                await NoticeFlow.AnnounceResult(notice, outbox, cancellationToken, timer.ConversationId);
                continue;
            }

            if (notice is not null && db.Entry(notice).State == EntityState.Detached)
            {
                db.Attach(notice);
            }

            await CloseNoticeConsumer.Close(timer.Message, notice, timer.ConversationId, outbox, clock, logger, cancellationToken);
        }

        foreach (var outcome in closed.GroupBy(n => (n.Status, n.ClosedAt, n.DecidedAt, n.OutcomeReason)))
        {
            var closedIds = outcome.Select(n => n.Id).ToList();
            var (status, closedAt, decidedAt, reason) = outcome.Key;
            var written = await db.Notices.Where(n => closedIds.Contains(n.Id) && n.Status == NoticeStatus.Open)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Status, status)
                    .SetProperty(n => n.ClosedAt, closedAt)
                    .SetProperty(n => n.DecidedAt, decidedAt)
                    .SetProperty(n => n.OutcomeReason, reason)
                    .SetProperty(n => n.CloseTimerToken, (Guid?)null), cancellationToken);
            if (written != closedIds.Count)
            {
                throw new DbUpdateConcurrencyException($"{closedIds.Count - written} of {closedIds.Count} notices closed by the sweep were changed meanwhile.");
            }
        }

        await outbox.WriteAdded(cancellationToken); // the results' outbox rows (one COPY on PostgreSQL, fix 30)
        await db.SaveChangesAsync(cancellationToken); // any notice closed on the tracked path
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the due notices together failed and was undone; their timers will be delivered one by one.")]
    private partial void LogSweepUndone(Exception exception);
}
