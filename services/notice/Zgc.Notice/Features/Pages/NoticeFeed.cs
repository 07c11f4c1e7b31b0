using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults.Limits;

namespace Zgc.Notice.Features.Pages;

/// <summary>
/// The Atom 1.0 feed (RFC 4287) of published notices, current and closed, for feed readers and for sites that republish
/// the notices. Written with <see cref="XmlWriter"/>, which escapes every value; ids are <c>urn:uuid:</c> names that
/// never change (the feed's is fixed, an entry's is its notice's id), times are RFC 3339 in Beijing time.
/// </summary>
internal static class NoticeFeed
{
    public const string ContentType = "application/atom+xml";

    /// <summary>The feed's permanent id. Fixed once: changing it makes every reader see a new feed.</summary>
    public const string FeedId = "urn:uuid:6f1c2a4e-5d7b-4c1e-9a3f-2b8d0e7c4a91";

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/public/notices.atom", Feed).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public).ExcludeFromDescription().WithName("NoticeFeed");

    private static async Task<IResult> Feed(HttpRequest request, NoticeDbContext db, IOptions<NoticeOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var notices = await db.Notices.AsNoTracking().Where(n => n.Status != NoticeStatus.Draft)
            .OrderByDescending(n => n.PublishedAt).Take(200).ToListAsync(cancellationToken);
        notices = [.. notices.OrderByDescending(n => n.LastChangedAt)];
        var root = BaseAddress(request, options.Value);

        using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "feed", Atom);
            await xml.WriteAttributeStringAsync("xml", "lang", null, "zh-CN");
            await Element(xml, "id", FeedId);
            await Element(xml, "title", "中关村示范区高精尖产业协同创新平台公示");
            await Element(xml, "subtitle", "经专家论证和委主任办公会审议通过的创新平台公示，公示期不少于5个工作日。");
            await Element(xml, "updated", Rfc3339(notices.Count > 0 ? notices[0].LastChangedAt!.Value : now));
            await Link(xml, "self", ContentType, root + HtmlPage.FeedPath);
            await Link(xml, "alternate", "text/html", root + HtmlPage.ListPath);
            await xml.WriteStartElementAsync(null, "author", Atom);
            await Element(xml, "name", "中关村科技园区管理委员会");
            await xml.WriteEndElementAsync();
            foreach (var notice in notices)
            {
                await Entry(xml, notice, root, now);
            }

            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }

        return Results.Bytes(buffer.ToArray(), ContentType + "; charset=utf-8");
    }

    private static async Task Entry(XmlWriter xml, PublicNotice notice, string root, DateTimeOffset now)
    {
        var state = ChineseText.State(notice, now);
        await xml.WriteStartElementAsync(null, "entry", Atom);
        await Element(xml, "id", "urn:uuid:" + notice.Id.ToString("D"));
        await Element(xml, "title", $"关于“{notice.PlatformName}”的公示（{state}）");
        await Element(xml, "published", Rfc3339(notice.PublishedAt!.Value));
        await Element(xml, "updated", Rfc3339(notice.LastChangedAt!.Value));
        await Link(xml, "alternate", "text/html", root + NoticePages.NoticePath(notice.Id));
        await xml.WriteStartElementAsync(null, "category", Atom);
        await xml.WriteAttributeStringAsync(null, "term", null, notice.Status.ToString());
        await xml.WriteAttributeStringAsync(null, "label", null, state);
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "summary", Atom);
        await xml.WriteAttributeStringAsync(null, "type", null, "text");
        await xml.WriteStringAsync(Summary(notice, state));
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static string Summary(PublicNotice notice, string state)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"平台名称：{notice.PlatformName}；牵头建设单位：{notice.UnitName}；")
            .Append(CultureInfo.InvariantCulture, $"产业领域：{ChineseText.Field(notice.IndustryField)}；所在分园：{ChineseText.SubParkName(notice.SubPark)}；")
            .Append(CultureInfo.InvariantCulture, $"公示期：{ChineseText.Period(notice)}（北京时间）；状态：{state}。");
        if (notice.Status == NoticeStatus.Withdrawn && notice.OutcomeReason is { } reason)
        {
            text.Append(CultureInfo.InvariantCulture, $"撤回原因：{reason}");
        }

        return text.ToString();
    }

    private static Task Element(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync(null, name, Atom, value);

    private static async Task Link(XmlWriter xml, string rel, string type, string href)
    {
        await xml.WriteStartElementAsync(null, "link", Atom);
        await xml.WriteAttributeStringAsync(null, "rel", null, rel);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    /// <summary>RFC 3339 date-time in Beijing time, to the second: 2019-04-26T09:30:00+08:00.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        Zgc.SharedKernel.BeijingTime.ToBeijing(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Feed links must be absolute. The configured public address is preferred: the request's own host is whatever the
    /// client sent, which is fine behind a trusted proxy but should not be what a republished feed points to.
    /// </summary>
    private static string BaseAddress(HttpRequest request, NoticeOptions options) => options.PublicBaseAddress is { } configured
        ? configured.ToString().TrimEnd('/')
        : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
