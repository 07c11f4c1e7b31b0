using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Notice.Calendar;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>
/// Drafts the notice of an approved platform (one per application) and, when the service is configured to publish
/// by itself, publishes it at once; otherwise a committee officer publishes the draft.
/// </summary>
internal sealed class PublishNoticeConsumer(NoticeDbContext db, IOutbox<NoticeDbContext> outbox, CalendarCache calendars, IOptions<NoticeOptions> options,
    TimeProvider clock)
    : IConsumer<PublishNotice>
{
    public async Task Consume(ConsumeContext<PublishNotice> context)
    {
        var m = context.Message;
        if (await db.Notices.AnyAsync(n => n.ApplicationId == m.ApplicationId, context.CancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var notice = PublicNotice.Draft(Guid.CreateVersion7(), m.ApplicationId, m.PlatformName, m.UnitName, m.IndustryField, m.SubPark,
            m.ConstructionSummary, options.Value.ObjectionChannel, now, m.WorkingDays);
        db.Notices.Add(notice);
        if (options.Value.AutoPublish)
        {
            await NoticeFlow.Publish(notice, await calendars.Get(db, context.CancellationToken), outbox, options.Value, now, "auto",
                context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
