using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Features;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Notice.Tests.Features;

public sealed class NoticeEndpointsTests(NoticeApp app) : IClassFixture<NoticeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<NoticeView>?> NoticesOf(Guid applicationId)
    {
        using var anonymous = app.ClientFor(null);
        return await anonymous.GetFromJsonAsync<List<NoticeView>>($"/notice/notices?applicationId={applicationId}", Ct);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Notices_are_public_and_listed_without_a_token()
    {
        using var anonymous = app.ClientFor(null);
        var response = await anonymous.GetAsync("/notice/notices", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_notice_is_404()
    {
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notice/notices/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task PublishNotice_on_the_bus_publishes_a_notice_and_NoticePublished_leaves_through_the_outbox()
    {
        var command = NoticeApp.NewNotice();

        await app.Publish(command);

        var notices = await Eventually.Get(() => NoticesOf(command.ApplicationId), n => n is { Count: > 0 }, "the notice to appear");
        var notice = Assert.Single(notices);
        Assert.Equal(command.PlatformName, notice.PlatformName);
        Assert.Equal(command.UnitName, notice.UnitName);
        Assert.True(notice.EndsOn >= notice.StartsOn!.Value.AddDays(4), "five working days span at least five calendar days");
        var closesInBeijing = notice.ClosesAt!.Value.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(TimeSpan.Zero, closesInBeijing.TimeOfDay);
        Assert.Equal(notice.EndsOn!.Value.AddDays(1), DateOnly.FromDateTime(closesInBeijing.DateTime));

        using var anonymous = app.ClientFor(null);
        var single = await anonymous.GetFromJsonAsync<NoticeView>($"/notice/notices/{notice.Id}", Ct);
        Assert.Equal(notice, single);

        var idText = command.ApplicationId.ToString();
        await Eventually.True(() => app.InDb<NoticeDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("NoticePublished") && m.Body.Contains(idText) && m.DeliveredAt != null, Ct)), "NoticePublished delivered");
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_same_PublishNotice_twice_with_different_message_ids_still_yields_one_notice()
    {
        var consumed = new ConsumedMessages();
        var handle = app.Bus.ConnectConsumeObserver(consumed);
        try
        {
            var command = NoticeApp.NewNotice();
            var first = Guid.NewGuid();
            var second = Guid.NewGuid();

            await app.Publish(command, first);
            await app.Publish(command, second);

            await Eventually.True(() => Task.FromResult(consumed.Finished(first) >= 1 && consumed.Finished(second) >= 1),
                "both commands to be consumed");
            Assert.Single((await NoticesOf(command.ApplicationId))!);
            var idText = command.ApplicationId.ToString();
            var announced = await app.InDb<NoticeDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
                m.MessageType.Contains("NoticePublished") && m.Body.Contains(idText), Ct));
            Assert.Equal(1, announced);
            var inbox = await app.InDb<NoticeDbContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == first || m.MessageId == second, Ct));
            Assert.Equal(2, inbox);
        }
        finally
        {
            handle.Disconnect();
        }
    }

    [Fact]
    public async Task Admins_list_pending_timers_and_anonymous_callers_may_not()
    {
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/notice/timers", Ct)).StatusCode);
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/notice/timers", Ct)).StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/notice/timers", Ct)).StatusCode);
    }
}
