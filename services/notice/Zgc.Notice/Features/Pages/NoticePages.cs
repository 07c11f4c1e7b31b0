using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults.Limits;

namespace Zgc.Notice.Features.Pages;

/// <summary>
/// The public notice pages (Art. 13 (三), R-A13-NOTICE): the list of current and past notices, and each notice with its
/// period, where and how to object, and once closed its result. Plain server-rendered HTML, no sign-in.
/// </summary>
internal static class NoticePages
{
    public static void Map(IEndpointRouteBuilder group)
    {
        var pages = group.MapGroup("/public").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).ExcludeFromDescription().WithMetadata(HtmlPageEndpoint.Instance);
        pages.MapGet("/notices", List).WithName("NoticeListPage");
        pages.MapGet("/notices/{id:guid}", Notice).WithName("NoticePage");
        ObjectionPages.Map(pages);
    }

    private static async Task<IResult> List(HttpRequest request, NoticeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var notices = await db.Notices.AsNoTracking().Where(n => n.Status != NoticeStatus.Draft)
            .OrderByDescending(n => n.PublishedAt).Take(500).ToListAsync(cancellationToken);
        var current = notices.Where(n => n.Status == NoticeStatus.Open).ToList();
        var past = notices.Where(n => n.Status != NoticeStatus.Open).ToList();
        var root = request.PathBase.Value ?? "";

        var content = Html.Of($"""
            <h1>高精尖产业协同创新平台公示</h1>
            <p>经专家论证和委主任办公会审议通过的创新平台，在中关村示范区网站公示，公示期不少于5个工作日。经公示无异议的创新平台，纳入中关村示范区高精尖产业协同创新平台体系。</p>
            <h2>正在公示</h2>
            {Table(current, now, root, "目前没有正在公示的创新平台。")}
            <h2>往期公示</h2>
            {Table(past, now, root, "暂无往期公示。")}
            """);
        return new HtmlPage("公示列表", content);
    }

    private static Markup Table(List<PublicNotice> notices, DateTimeOffset now, string root, string none) => notices.Count == 0
        ? Html.Of($"<p>{none}</p>")
        : Html.Of($"""
            <table>
            <thead><tr><th>平台名称</th><th>牵头建设单位</th><th>公示期（北京时间）</th><th>状态</th></tr></thead>
            <tbody>
            {notices.Select(n => Html.Of($"""
                <tr><td><a href="{root + NoticePath(n.Id)}">{n.PlatformName}</a></td><td>{n.UnitName}</td><td>{ChineseText.Period(n)}</td><td>{ChineseText.State(n, now)}</td></tr>

                """))}
            </tbody>
            </table>
            """);

    private static async Task<IResult> Notice(Guid id, HttpRequest request, NoticeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().Include(n => n.Objections)
            .SingleOrDefaultAsync(n => n.Id == id && n.Status != NoticeStatus.Draft, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var root = request.PathBase.Value ?? "";
        var content = Html.Of($"""
            <h1>关于“{notice.PlatformName}”纳入中关村示范区高精尖产业协同创新平台体系的公示</h1>
            <p class="state">状态：{ChineseText.State(notice, now)}</p>
            <p>经专家论证和委主任办公会审议，拟将以下创新平台纳入中关村示范区高精尖产业协同创新平台体系，现予以公示。</p>
            <dl>
            <dt>平台名称</dt><dd>{notice.PlatformName}</dd>
            <dt>牵头建设单位</dt><dd>{notice.UnitName}</dd>
            <dt>产业领域</dt><dd>{ChineseText.Field(notice.IndustryField)}</dd>
            <dt>所在分园</dt><dd>{ChineseText.SubParkName(notice.SubPark)}</dd>
            <dt>建设内容摘要</dt><dd>{Html.Lines(ChineseText.Dash(notice.ConstructionSummary))}</dd>
            <dt>公示期</dt><dd>{ChineseText.Period(notice)}（北京时间）{Extension(notice)}</dd>
            <dt>发布时间</dt><dd>{(notice.PublishedAt is { } published ? ChineseText.Instant(published) : "—")}</dd>
            </dl>
            <h2>异议方式</h2>
            <p>{Html.Lines(notice.ObjectionChannel)}</p>
            {ObjectionLink(notice, now, root)}
            {Result(notice)}
            """);
        return new HtmlPage(notice.PlatformName, content);
    }

    public static string NoticePath(Guid id) => $"{HtmlPage.ListPath}/{id}";

    public static string FormPath(Guid id) => $"{HtmlPage.ListPath}/{id}/objection";

    public static HtmlPage NotFound() => new("未找到", Html.Of($"<h1>未找到该公示</h1><p>该公示不存在或尚未发布。</p>"), StatusCodes.Status404NotFound);

    private static Markup Extension(PublicNotice notice) => notice.ExtendedAt is { } extendedAt
        ? Html.Of($"<br><small>公示期已于{ChineseText.Instant(extendedAt)}延长。</small>")
        : Markup.Empty;

    private static Markup ObjectionLink(PublicNotice notice, DateTimeOffset now, string root)
    {
        if (ChineseText.TakesObjections(notice, now))
        {
            return Html.Of($"""<p><a href="{root + FormPath(notice.Id)}">在线提出异议</a>（请于北京时间{ChineseText.Closing(notice.ClosesAt!.Value)}前提交）</p>""");
        }

        if (notice is { Status: NoticeStatus.Open, StartsOn: { } starts } && now < Zgc.SharedKernel.BeijingTime.StartOfDay(starts))
        {
            return Html.Of($"<p>公示期自{ChineseText.Date(starts)}开始，届时可在线提出异议。</p>");
        }

        return notice.ClosesAt is { } closes && notice.Status != NoticeStatus.Withdrawn
            ? Html.Of($"<p>公示期已于北京时间{ChineseText.Closing(closes)}结束，不再受理异议。</p>")
            : Markup.Empty;
    }

    /// <summary>The result once decided (or why it is not yet), with the findings on upheld objections.</summary>
    private static Markup Result(PublicNotice notice) => notice.Status switch
    {
        NoticeStatus.Passed => Html.Of($"""
            <h2>公示结果</h2>
            <p class="state">{(notice.Objections.Count == 0 ? "公示期内无异议" : "公示期内收到的异议经核查均不成立")}，该创新平台纳入中关村示范区高精尖产业协同创新平台体系。</p>
            <p>公示期满：{ChineseText.Closing(notice.ClosesAt!.Value)}；结果确定：{ChineseText.Instant(notice.DecidedAt!.Value)}</p>
            """),
        NoticeStatus.Failed => Html.Of($"""
            <h2>公示结果</h2>
            <p class="state">经核查，异议成立，该创新平台不予纳入中关村示范区高精尖产业协同创新平台体系。</p>
            <ul>{notice.Objections.Where(o => o.Status == ObjectionStatus.Upheld).Select(o => Html.Of($"<li>核查结论：{o.Finding}</li>"))}</ul>
            <p>结果确定：{ChineseText.Instant(notice.DecidedAt!.Value)}</p>
            """),
        NoticeStatus.ClosedObjectionsPending => Html.Of($"""
            <h2>公示结果</h2>
            <p class="state">公示期已满，尚有异议正在核查，核查结束后公布结果。</p>
            """),
        NoticeStatus.Withdrawn => Html.Of($"""
            <h2>公示结果</h2>
            <p class="state">该公示已于{ChineseText.Instant(notice.DecidedAt!.Value)}撤回。</p>
            <p>撤回原因：{notice.OutcomeReason}</p>
            """),
        _ => Markup.Empty,
    };
}
