using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>Publishes the notice of an approved platform and announces its period. One notice per application.</summary>
internal sealed class PublishNoticeConsumer(NoticeDbContext db, TimeProvider clock) : IConsumer<PublishNotice>
{
    public async Task Consume(ConsumeContext<PublishNotice> context)
    {
        var m = context.Message;
        if (await db.Notices.AnyAsync(n => n.ApplicationId == m.ApplicationId, context.CancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var notice = PublicNotice.Publish(Guid.CreateVersion7(), m.ApplicationId, m.PlatformName, m.UnitName, now);
        db.Notices.Add(notice);
        await context.Publish(new NoticePublished(notice.Id, notice.ApplicationId, notice.StartsOn, notice.EndsOn, notice.ClosesAt, now));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
