using Zgc.Messaging.Outbox;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

/// <summary>The steps shared by the consumers and the officers' endpoints: publish with its close timer, and announce a result.</summary>
internal static class NoticeFlow
{
    public const string ObjectionUpheld = "ObjectionUpheld";
    public const string Withdrawn = "Withdrawn";

    /// <summary>Publishes the notice, schedules its close (a due-dated outbox row) and announces it; the caller saves.</summary>
    public static async Task Publish(PublicNotice notice, WorkingDayCalendar calendar, IOutbox<NoticeDbContext> outbox, NoticeOptions options,
        DateTimeOffset now, string by, CancellationToken cancellationToken)
    {
        notice.Publish(now, calendar, options.Policy(), by);
        await ScheduleClose(notice, outbox, cancellationToken);
        await outbox.Publish(new NoticePublished(notice.Id, notice.ApplicationId, notice.StartsOn!.Value, notice.EndsOn!.Value, notice.ClosesAt!.Value, now),
            cancellationToken);
    }

    public static async Task ScheduleClose(PublicNotice notice, IOutbox<NoticeDbContext> outbox, CancellationToken cancellationToken)
    {
        var closesAt = notice.ClosesAt!.Value;
        notice.ScheduledCloseAs(await outbox.SchedulePublish(closesAt, new CloseNotice(notice.Id, closesAt), cancellationToken));
    }

    /// <summary>
    /// Announces a decided result (passed or failed); nothing while objections are pending. A result decided for a taken
    /// timer goes in that timer's <paramref name="conversationId"/>.
    /// </summary>
    public static Task AnnounceResult(PublicNotice notice, IOutbox<NoticeDbContext> outbox, CancellationToken cancellationToken, Guid? conversationId = null) =>
        notice.Status switch
        {
            NoticeStatus.Passed => Announce(outbox, new NoticePassed(notice.Id, notice.ApplicationId, notice.StartsOn!.Value, notice.EndsOn!.Value,
                notice.OutcomeReason ?? "", notice.DecidedAt!.Value), conversationId, cancellationToken),
            NoticeStatus.Failed => Announce(outbox, new NoticeFailed(notice.Id, notice.ApplicationId, ObjectionUpheld, notice.OutcomeReason ?? "",
                notice.DecidedAt!.Value), conversationId, cancellationToken),
            _ => Task.CompletedTask,
        };

    private static Task Announce<T>(IOutbox<NoticeDbContext> outbox, T message, Guid? conversationId, CancellationToken cancellationToken)
        where T : class =>
        conversationId is { } conversation ? outbox.Publish(message, conversation, cancellationToken) : outbox.Publish(message, cancellationToken);
}
