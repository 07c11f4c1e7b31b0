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
/// the timer also wakes the <see cref="CloseSweeper"/>, which closes the others already due in transactions of its own
/// (docs/performance.md, fixes 20 and 29).
/// </summary>
internal sealed partial class CloseNoticeConsumer(NoticeDbContext db, IOutbox<NoticeDbContext> outbox, CloseSweeper sweeper, TimeProvider clock,
    ILogger<CloseNoticeConsumer> logger)
    : IConsumer<CloseNotice>
{
    public async Task Consume(ConsumeContext<CloseNotice> context)
    {
        var notice = await db.Notices.Include(n => n.Objections).SingleOrDefaultAsync(n => n.Id == context.Message.NoticeId, context.CancellationToken);
        await Close(context.Message, notice, conversationId: null, outbox, clock, logger, context.CancellationToken);
        sweeper.Wake();
    }

    /// <summary>
    /// Closes <paramref name="notice"/> for its timer and announces the result (in <paramref name="conversationId"/> when the
    /// timer was taken by a sweep); nothing when the timer is stale. The caller saves.
    /// </summary>
    internal static async Task Close(CloseNotice timer, PublicNotice? notice, Guid? conversationId, IOutbox<NoticeDbContext> outbox, TimeProvider clock,
        ILogger logger, CancellationToken cancellationToken)
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
            LogEarlyTimer(logger, notice.Id, timer.ClosesAt, now);
            await NoticeFlow.ScheduleClose(notice, outbox, cancellationToken);
            return;
        }

        if (notice.Close(now))
        {
            await NoticeFlow.AnnounceResult(notice, outbox, cancellationToken, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The close timer of notice {NoticeId} (due {ClosesAt}) arrived at {Now} by this host's clock; set again for its due time.")]
    private static partial void LogEarlyTimer(ILogger logger, Guid noticeId, DateTimeOffset closesAt, DateTimeOffset now);
}
