using System.Net;
using Zgc.Notice.Domain;
using Zgc.ServiceDefaults;

namespace Zgc.Notice.Tests.Features;

/// <summary>R-A13-NOTICE: the notices are also published as an Atom feed, advertised from the pages.</summary>
public sealed class NoticeFeedTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, Beijing);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_feed_is_valid_Atom_with_published_and_closed_notices_and_no_drafts()
    {
        await using var app = new ClockedNoticeApp(Wednesday, settings: new Dictionary<string, string?> { ["Notice:PublicBaseAddress"] = "https://zgcgw.example.cn/" });
        using var anonymous = app.Client(null);
        var empty = await anonymous.GetAsync("/notice/public/notices.atom", Ct);
        Assert.Empty(AtomFeed.Parse(await empty.Content.ReadAsStringAsync(Ct)).Entries());

        var open = NoticeApp.NewNotice();
        var withdrawn = NoticeApp.NewNotice();
        await app.Bus.Publish(open, Ct);
        await app.Bus.Publish(withdrawn, Ct);
        var openNotice = await app.WaitFor(open.ApplicationId, NoticeStatus.Open);
        var withdrawnNotice = await app.WaitFor(withdrawn.ApplicationId, NoticeStatus.Open);
        using var officer = app.Client(Roles.CommitteeOfficer);
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await officer.PostAsync($"/notice/manage/notices/{withdrawnNotice.Id}/withdraw",
            System.Net.Http.Json.JsonContent.Create(new { reason = "材料需补正" }), Ct)).EnsureSuccessStatusCode();

        var response = await anonymous.GetAsync("/notice/public/notices.atom", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = AtomFeed.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("https://zgcgw.example.cn/notice/public/notices.atom",
            (string?)feed.Elements(AtomFeed.Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href"));
        var entries = feed.Entries().ToList();
        Assert.Equal(2, entries.Count);
        var first = entries.Single(e => AtomFeed.Text(e, "id") == $"urn:uuid:{openNotice.Id}");
        Assert.Contains("公示中", AtomFeed.Text(first, "title"), StringComparison.Ordinal);
        Assert.Contains("2026年3月4日至2026年3月10日24:00", AtomFeed.Text(first, "summary"), StringComparison.Ordinal);
        Assert.Equal($"https://zgcgw.example.cn/notice/public/notices/{openNotice.Id}", (string?)first.Element(AtomFeed.Atom + "link")!.Attribute("href"));
        Assert.Equal(Wednesday, AtomFeed.Time(first, "published"));

        var second = entries.Single(e => AtomFeed.Text(e, "id") == $"urn:uuid:{withdrawnNotice.Id}");
        Assert.Contains("已撤回", AtomFeed.Text(second, "title"), StringComparison.Ordinal);
        Assert.Equal(Wednesday.AddHours(2), AtomFeed.Time(second, "updated"));
        Assert.Equal(Wednesday.AddHours(2), AtomFeed.Time(feed, "updated"));
        Assert.Equal(AtomFeed.Text(second, "id"), AtomFeed.Text(entries[0], "id"));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Without_a_configured_address_the_feed_links_to_the_requested_host_and_it_is_advertised()
    {
        await using var app = new ClockedNoticeApp(Wednesday);
        var command = NoticeApp.NewNotice();
        await app.Bus.Publish(command, Ct);
        var notice = await app.WaitFor(command.ApplicationId, NoticeStatus.Open);
        using var anonymous = app.Client(null);

        var feed = AtomFeed.Parse(await anonymous.GetStringAsync("/notice/public/notices.atom", Ct));
        var link = (string?)Assert.Single(feed.Entries()).Element(AtomFeed.Atom + "link")!.Attribute("href");
        Assert.Equal(new Uri(anonymous.BaseAddress!, $"/notice/public/notices/{notice.Id}").ToString(), link);
        var page = await anonymous.GetStringAsync($"/notice/public/notices/{notice.Id}", Ct);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"中关村示范区高精尖产业协同创新平台公示（Atom订阅）\" href=\"/notice/public/notices.atom\">",
            page, StringComparison.Ordinal);
    }
}
