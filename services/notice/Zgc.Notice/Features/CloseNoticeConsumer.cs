using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>
/// The close timer fired: the notice closes and its result is announced (R-A13-NOTICE). A timer left over from
/// before an extension or a withdrawal finds nothing to do. Notices published on one day close at the same instant, so
/// the other close timers already due are taken over and closed in the same transaction, each result announced in its own
/// timer's conversation (docs/performance.md, fix 20): a timer taken here is never delivered, one the delivery worker
/// already sent arrives later and finds its notice decided.
/// </summary>
internal sealed partial class CloseNoticeConsumer(NoticeDbContext db, IOutbox<NoticeDbContext> outbox, TimeProvider clock, ILogger<CloseNoticeConsumer> logger)
    : IConsumer<CloseNotice>
{
    /// <summary>How many other due close timers one transaction takes over at most.</summary>
    internal const int SweepSize = 500;

    /// <summary>
    /// How many close timers the service handles at once: each may sweep <see cref="SweepSize"/> notices, and with the
    /// transport's default (16 at once on two cores) sixteen sweeps ran side by side and all committed late and together,
    /// and the process peaked at ~450 MB in the timers benchmark. One per core keeps the cores busy, commits each sweep
    /// soonest and stays under 300 MB (performance.md, fixes 26–27: measured better than two per core or one at a time).
    /// </summary>
    internal static readonly int ConcurrentSweeps = Environment.ProcessorCount;

    /// <summary>How many of a sweep's closes are saved together.</summary>
    private const int SavePartSize = 100;

    private const string SweepSavepoint = "close_sweep";

    public async Task Consume(ConsumeContext<CloseNotice> context)
    {
        var notice = await db.Notices.Include(n => n.Objections).SingleOrDefaultAsync(n => n.Id == context.Message.NoticeId, context.CancellationToken);
        await Close(context.Message, notice, conversationId: null, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        await Sweep(context.CancellationToken);
    }

    /// <summary>
    /// Takes over the other due close timers and closes their notices, behind a savepoint: if any of them fails (a timer
    /// that cannot be read, a notice changed concurrently), the sweep is undone — its timers are back in the outbox, to be
    /// delivered and handled one by one — and this message's own close, saved above, still commits. One bad timer must not
    /// take the others, or this one, down with it.
    /// </summary>
    private async Task Sweep(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            return; // outside a consumer's transaction the rows taken could not be given back
        }

        await transaction.CreateSavepointAsync(SweepSavepoint, cancellationToken);
        try
        {
            var due = await outbox.TakeDueTimers<CloseNotice>(SweepSize, cancellationToken);
            // Saved a part at a time: what EF builds to save a part (its commands, their parameters and SQL) lives only
            // while that part is written, instead of 500 closes' worth per sweep in flight (performance.md, fix 26). All
            // parts are still one transaction behind the savepoint.
            foreach (var part in due.Chunk(SavePartSize))
            {
                var ids = part.Select(t => t.Message.NoticeId).ToList();
                // Loaded together, so each close below finds its notice without a query of its own. Looked up here, not in
                // DbSet.Local: every read of Local detects changes across everything tracked, which made a sweep quadratic
                // in its size (performance.md, fix 22).
                var notices = await db.Notices.Include(n => n.Objections).Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
                foreach (var timer in part)
                {
                    await Close(timer.Message, notices.GetValueOrDefault(timer.Message.NoticeId), timer.ConversationId, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.ReleaseSavepointAsync(SweepSavepoint, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await transaction.RollbackToSavepointAsync(SweepSavepoint, CancellationToken.None);
            // What the sweep changed or added is undone in the database; forget it here too (the own close is saved).
            db.ChangeTracker.Clear();
            LogSweepUndone(ex);
        }
    }

    private async Task Close(CloseNotice timer, PublicNotice? notice, Guid? conversationId, CancellationToken cancellationToken)
    {
        if (notice is null || notice.ClosesAt != timer.ClosesAt)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (notice.Status == NoticeStatus.Open && now < timer.ClosesAt)
        {
            // The replica that found the timer due has a clock ahead of this one (skew between hosts, or a process that has
            // just restarted). Dropping the message would leave the notice open for ever and closing now would shorten the
            // period, so the timer is set again for the same instant, by this replica's clock.
            LogEarlyTimer(notice.Id, timer.ClosesAt, now);
            await NoticeFlow.ScheduleClose(notice, outbox, cancellationToken);
            return;
        }

        if (notice.Close(now))
        {
            await NoticeFlow.AnnounceResult(notice, outbox, cancellationToken, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the other due notices together failed and was undone; their timers will be delivered one by one.")]
    private partial void LogSweepUndone(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The close timer of notice {NoticeId} (due {ClosesAt}) arrived at {Now} by this host's clock; set again for its due time.")]
    private partial void LogEarlyTimer(Guid noticeId, DateTimeOffset closesAt, DateTimeOffset now);
}
