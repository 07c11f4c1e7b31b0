using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Contracts;
using Zgc.Review.Contracts;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Lifecycle;

/// <summary>R-A13-NOTICE: the notice's result moves the lifecycle on: passed → Included, failed or withdrawn → NoticeFailed.</summary>
public sealed class NoticeOutcomeTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly StartsOn = new(2026, 3, 2);
    private static readonly DateOnly EndsOn = new(2026, 3, 6);

    private async Task<Guid> InNotice(Guid id)
    {
        await app.ToExpertReview(id, Ct);
        await app.Bus.Publish(new PlatformApproved(id, false, "committee", DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "AwaitingNotice");
        var noticeId = Guid.NewGuid();
        await app.Bus.Publish(new NoticePublished(noticeId, id, StartsOn, EndsOn, new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)),
            DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "InNotice");
        return noticeId;
    }

    private Task<PlatformLifecycle?> Instance(Guid id) =>
        app.InDb<WorkflowsDbContext, PlatformLifecycle?>(db => db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.CorrelationId == id, Ct));

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_passed_notice_includes_the_platform()
    {
        var id = Guid.NewGuid();
        var noticeId = await InNotice(id);

        await app.Bus.Publish(new NoticePassed(noticeId, id, StartsOn, EndsOn, "公示期内无异议。", DateTimeOffset.UtcNow), Ct);

        await app.WaitForState(id, "Included");
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_failed_notice_ends_in_NoticeFailed_with_its_reason()
    {
        var id = Guid.NewGuid();
        var noticeId = await InNotice(id);

        await app.Bus.Publish(new NoticeFailed(noticeId, id, "ObjectionUpheld", "异议成立：材料不实", DateTimeOffset.UtcNow), Ct);

        await app.WaitForState(id, "NoticeFailed");
        Assert.Contains("材料不实", (await Instance(id))!.OutcomeReason, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task An_extension_moves_the_recorded_end_and_the_command_carries_field_and_sub_park()
    {
        var id = Guid.NewGuid();
        var noticeId = await InNotice(id);
        var idText = id.ToString();
        Assert.True(await app.InDb<WorkflowsDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("PublishNotice") && m.Body.Contains(idText) && m.Body.Contains("haidian"), Ct)));

        await app.Bus.Publish(new NoticeExtended(noticeId, id, new DateOnly(2026, 3, 10), new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(8)),
            DateTimeOffset.UtcNow), Ct);

        await Zgc.Testing.Eventually.True(async () => (await Instance(id))?.NoticeEndsOn == new DateOnly(2026, 3, 10), "the new end recorded");
        Assert.Equal("InNotice", (await Instance(id))!.CurrentState);
    }
}
