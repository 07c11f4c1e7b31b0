using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>
/// The close timer fired: the notice closes and its result is announced (R-A13-NOTICE). A timer left over from
/// before an extension or a withdrawal finds nothing to do.
/// </summary>
internal sealed partial class CloseNoticeConsumer(NoticeDbContext db, IOutbox<NoticeDbContext> outbox, TimeProvider clock, ILogger<CloseNoticeConsumer> logger)
    : IConsumer<CloseNotice>
{
    public async Task Consume(ConsumeContext<CloseNotice> context)
    {
        var notice = await db.Notices.Include(n => n.Objections).SingleOrDefaultAsync(n => n.Id == context.Message.NoticeId, context.CancellationToken);
        if (notice is null || notice.ClosesAt != context.Message.ClosesAt)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (notice.Status == NoticeStatus.Open && now < context.Message.ClosesAt)
        {
            // The replica that found the timer due has a clock ahead of this one (skew between hosts, or a process that has
            // just restarted). Dropping the message would leave the notice open for ever and closing now would shorten the
            // period, so the timer is set again for the same instant, by this replica's clock.
            LogEarlyTimer(notice.Id, context.Message.ClosesAt, now);
            await NoticeFlow.ScheduleClose(notice, outbox, context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        if (!notice.Close(now))
        {
            return;
        }

        await NoticeFlow.AnnounceResult(notice, outbox, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The close timer of notice {NoticeId} (due {ClosesAt}) arrived at {Now} by this host's clock; set again for its due time.")]
    private partial void LogEarlyTimer(Guid noticeId, DateTimeOffset closesAt, DateTimeOffset now);
}
