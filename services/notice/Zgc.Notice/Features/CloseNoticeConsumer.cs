using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Notice.Contracts;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>
/// The close timer fired: the notice closes and its result is announced (R-A13-NOTICE). A timer left over from
/// before an extension or a withdrawal finds nothing to do.
/// </summary>
internal sealed class CloseNoticeConsumer(NoticeDbContext db, IOutbox<NoticeDbContext> outbox, TimeProvider clock) : IConsumer<CloseNotice>
{
    public async Task Consume(ConsumeContext<CloseNotice> context)
    {
        var notice = await db.Notices.Include(n => n.Objections).SingleOrDefaultAsync(n => n.Id == context.Message.NoticeId, context.CancellationToken);
        if (notice is null || notice.ClosesAt != context.Message.ClosesAt || !notice.Close(clock.GetUtcNow()))
        {
            return;
        }

        await NoticeFlow.AnnounceResult(notice, outbox, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
