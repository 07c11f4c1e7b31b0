using System.Net;
using System.Net.Http.Json;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.ServiceDefaults;

namespace Zgc.Notice.Tests.Features;

/// <summary>R-A13-NOTICE: the public pages show each notice, its period the Chinese way and, once closed, its result; the form takes objections.</summary>
public sealed class NoticePagesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Wednesday 2026-03-04 09:00 Beijing: five working days end Tuesday 2026-03-10, closing at 24:00 Beijing.
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, Beijing);
    private static readonly DateTimeOffset ClosesAt = new(2026, 3, 11, 0, 0, 0, Beijing);

    private static readonly Dictionary<string, string?> Generous = new() { ["Notice:ObjectionsPerWindow"] = "100" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> Html(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return html;
    }

    private static async Task<PublicNotice> Published(ClockedNoticeApp app, PublishNotice command)
    {
        await app.Bus.Publish(command, Ct);
        return await app.WaitFor(command.ApplicationId, NoticeStatus.Open);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_list_and_the_notice_page_show_the_notice_with_its_period_in_Chinese_without_sign_in()
    {
        await using var app = new ClockedNoticeApp(new DateTimeOffset(2019, 4, 26, 9, 0, 0, Beijing));
        var command = new PublishNotice(Guid.NewGuid(), "高精尖协同创新平台（人工智能）", "北京示例科技有限公司", "next-generation-it", "haidian",
            "建设开源算法平台。\n服务上下游企业。");
        var notice = await Published(app, command);
        using var anonymous = app.Client(null);

        var list = await Html(await anonymous.GetAsync("/notice/public/notices", Ct), HttpStatusCode.OK);
        Assert.Contains("<html lang=\"zh-CN\">", list, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/notice/public/notices/{notice.Id}\">高精尖协同创新平台（人工智能）</a>", list, StringComparison.Ordinal);
        Assert.Contains("2019年4月26日至2019年5月5日24:00", list, StringComparison.Ordinal);
        Assert.Contains("公示中", list, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", list, StringComparison.Ordinal);

        var page = await Html(await anonymous.GetAsync($"/notice/public/notices/{notice.Id}", Ct), HttpStatusCode.OK);
        Assert.Contains("北京示例科技有限公司", page, StringComparison.Ordinal);
        Assert.Contains("新一代信息技术", page, StringComparison.Ordinal);
        Assert.Contains("海淀园", page, StringComparison.Ordinal);
        Assert.Contains("建设开源算法平台。<br>服务上下游企业。", page, StringComparison.Ordinal);
        // Published on Friday 2019-04-26: day 5 is the make-up working day Sunday 2019-05-05; the period ends at its 24:00.
        Assert.Contains("2019年4月26日至2019年5月5日24:00（北京时间）", page, StringComparison.Ordinal);
        Assert.Contains("匿名异议不予受理", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/notice/public/notices/{notice.Id}/objection\"", page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notice/public/notices/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task A_notice_closing_at_17_30_says_so_and_a_closed_notice_shows_its_result()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: new Dictionary<string, string?> { ["Notice:ClosesAt"] = "17:30" });
        var notice = await Published(app, NoticeApp.NewNotice());
        using var anonymous = app.Client(null);
        var open = await Html(await anonymous.GetAsync($"/notice/public/notices/{notice.Id}", Ct), HttpStatusCode.OK);
        Assert.Contains("2026年3月4日至2026年3月10日17:30", open, StringComparison.Ordinal);
        Assert.DoesNotContain("公示结果", open, StringComparison.Ordinal);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 17, 30, 0, Beijing));
        await app.WaitFor(notice.ApplicationId, NoticeStatus.Passed);

        var closed = await Html(await anonymous.GetAsync($"/notice/public/notices/{notice.Id}", Ct), HttpStatusCode.OK);
        Assert.Contains("公示结果", closed, StringComparison.Ordinal);
        Assert.Contains("公示期内无异议，该创新平台纳入中关村示范区高精尖产业协同创新平台体系", closed, StringComparison.Ordinal);
        Assert.Contains("公示期已于北京时间2026年3月10日17:30结束", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("在线提出异议", closed, StringComparison.Ordinal);
        var list = await Html(await anonymous.GetAsync("/notice/public/notices", Ct), HttpStatusCode.OK);
        var past = list[list.IndexOf("往期公示", StringComparison.Ordinal)..];
        Assert.Contains(notice.Id.ToString(), past, StringComparison.Ordinal);
        Assert.Contains("公示通过", past, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task An_upheld_objection_shows_as_the_failed_result_with_its_finding()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: Generous);
        var notice = await Published(app, NoticeApp.NewNotice());
        using var anonymous = app.Client(null);
        var receipt = await anonymous.PostAsJsonAsync($"/notice/notices/{notice.Id}/objections",
            new { name = "李四", telephone = "13800138000", reasons = "该单位申报材料中的研发投入与实际情况不符，请核查。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
        var objectionId = (await app.NoticeFor(notice.ApplicationId))!.Objections.Single().Id;
        using var officer = app.Client(Roles.CommitteeOfficer);
        (await officer.PostAsync($"/notice/manage/notices/{notice.Id}/objections/{objectionId}/investigate", null, Ct)).EnsureSuccessStatusCode();
        app.Clock.SetUtcNow(ClosesAt);
        await app.WaitFor(notice.ApplicationId, NoticeStatus.ClosedObjectionsPending);
        Assert.Contains("尚有异议正在核查", await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}", Ct), StringComparison.Ordinal);

        (await officer.PostAsJsonAsync($"/notice/manage/notices/{notice.Id}/objections/{objectionId}/decide",
            new { upheld = true, finding = "经核查，研发投入数据<不实>。" }, Ct)).EnsureSuccessStatusCode();
        await app.WaitFor(notice.ApplicationId, NoticeStatus.Failed);

        var page = await Html(await anonymous.GetAsync($"/notice/public/notices/{notice.Id}", Ct), HttpStatusCode.OK);
        Assert.Contains("公示未通过", page, StringComparison.Ordinal);
        Assert.Contains("经核查，异议成立", page, StringComparison.Ordinal);
        Assert.Contains("核查结论：经核查，研发投入数据&lt;不实&gt;。", page, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Hostile_input_is_encoded_on_every_page_and_in_the_feed()
    {
        const string hostile = "<script>alert('x')</script>平台\" onmouseover=\"alert(1)";
        await using var app = new ClockedNoticeApp(Wednesday, settings: Generous);
        var notice = await Published(app, new PublishNotice(Guid.NewGuid(), hostile, "单位<b>加粗</b>&", "<img src=x>", null, "<iframe src=//evil>"));
        using var anonymous = app.Client(null);

        foreach (var path in new[] { "/notice/public/notices", $"/notice/public/notices/{notice.Id}", $"/notice/public/notices/{notice.Id}/objection" })
        {
            var html = await Html(await anonymous.GetAsync(path, Ct), HttpStatusCode.OK);
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\" onmouseover=\"", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }

        // What an objector types comes back encoded too (the form re-shown with a correction to make).
        var form = await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}/objection", Ct);
        var refused = await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection",
            PublicForms.Objection(PublicForms.Token(form), name: "<script>x</script>", reasons: "短"), Ct);
        var again = await Html(refused, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("<script>", again, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("value=\"&lt;script&gt;x&lt;/script&gt;\"", again, StringComparison.Ordinal);

        var feed = AtomFeed.Parse(await (await anonymous.GetAsync("/notice/public/notices.atom", Ct)).Content.ReadAsStringAsync(Ct));
        var entry = Assert.Single(feed.Entries());
        Assert.Contains(hostile, AtomFeed.Text(entry, "title"), StringComparison.Ordinal);
        Assert.Contains(hostile, AtomFeed.Text(entry, "summary"), StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_form_takes_an_objection_and_shows_the_receipt_number()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: Generous);
        var notice = await Published(app, NoticeApp.NewNotice());
        using var anonymous = app.Client(null);

        var form = await Html(await anonymous.GetAsync($"/notice/public/notices/{notice.Id}/objection", Ct), HttpStatusCode.OK);
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains("请于公示期结束前提交", form, StringComparison.Ordinal);
        var response = await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection", PublicForms.Objection(PublicForms.Token(form)), Ct);
        var page = await Html(response, HttpStatusCode.Created);

        var stored = Assert.Single((await app.NoticeFor(notice.ApplicationId))!.Objections);
        Assert.Contains($"<strong id=\"receipt-number\">{stored.ReceiptNumber}</strong>", page, StringComparison.Ordinal);
        Assert.Equal("李四", stored.ObjectorName);
        Assert.Equal("13800138000", stored.Telephone);

        var status = await Html(await anonymous.GetAsync($"/notice/public/objections?receiptNumber={stored.ReceiptNumber.ToLowerInvariant()}", Ct),
            HttpStatusCode.OK);
        Assert.Contains("已受理", status, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/notice/public/objections?receiptNumber=YY000000NOPE", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_form_refuses_an_anonymous_objection_and_one_without_its_token()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: Generous);
        var notice = await Published(app, NoticeApp.NewNotice());
        using var anonymous = app.Client(null);
        var token = PublicForms.Token(await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}/objection", Ct));

        var nameless = await Html(await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection",
            PublicForms.Objection(token, name: null), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("不受理匿名异议：请填写真实姓名，以及身份证号码或联系电话。", nameless, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", nameless, StringComparison.Ordinal);
        Assert.Contains("13800138000", nameless, StringComparison.Ordinal);

        var unreachable = await Html(await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection",
            PublicForms.Objection(token, telephone: null), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("不受理匿名异议", unreachable, StringComparison.Ordinal);

        var forged = await Html(await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection", PublicForms.Objection(null), Ct),
            HttpStatusCode.BadRequest);
        Assert.Contains("页面已过期", forged, StringComparison.Ordinal);
        Assert.Empty((await app.NoticeFor(notice.ApplicationId))!.Objections);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_form_refuses_a_late_objection_saying_when_the_period_ended()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: Generous);
        var notice = await Published(app, NoticeApp.NewNotice());
        using var anonymous = app.Client(null);
        var token = PublicForms.Token(await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}/objection", Ct));

        app.Clock.SetUtcNow(ClosesAt);
        var late = await Html(await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection", PublicForms.Objection(token), Ct),
            HttpStatusCode.Conflict);
        Assert.Contains("公示期已于北京时间2026年3月10日24:00结束，不再受理异议。", late, StringComparison.Ordinal);

        var form = await Html(await anonymous.GetAsync($"/notice/public/notices/{notice.Id}/objection", Ct), HttpStatusCode.OK);
        Assert.Contains("公示期已于北京时间2026年3月10日24:00结束", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\"", form, StringComparison.Ordinal);
        Assert.Empty((await app.NoticeFor(notice.ApplicationId))!.Objections);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_form_shares_the_rate_limit_and_says_when_to_try_again()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: new Dictionary<string, string?> { ["Notice:ObjectionsPerWindow"] = "1" });
        var notice = await Published(app, NoticeApp.NewNotice());
        using var anonymous = app.Client(null);
        var token = PublicForms.Token(await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}/objection", Ct));

        await Html(await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection", PublicForms.Objection(token), Ct), HttpStatusCode.Created);
        var limited = await anonymous.PostAsync($"/notice/public/notices/{notice.Id}/objection", PublicForms.Objection(token), Ct);
        Assert.Contains("提交过于频繁", await Html(limited, HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);

        var api = await anonymous.PostAsJsonAsync($"/notice/notices/{notice.Id}/objections",
            new { name = "李四", telephone = "13800138000", reasons = "该单位申报材料中的研发投入与实际情况不符，请核查。" }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Contains("objection-rate-limit", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
