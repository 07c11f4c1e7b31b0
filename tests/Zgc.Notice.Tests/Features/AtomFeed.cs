using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Zgc.Notice.Tests.Features;

/// <summary>
/// Structural checks of an Atom 1.0 feed (RFC 4287): the namespace, the elements a feed and each entry must have exactly
/// once, absolute ids and links, RFC 3339 times, and an author for every entry (on the feed or the entry).
/// </summary>
public static partial class AtomFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static XElement Parse(string xml)
    {
        var feed = XDocument.Parse(xml).Root!;
        Validate(feed);
        return feed;
    }

    public static IEnumerable<XElement> Entries(this XElement feed) => feed.Elements(Atom + "entry");

    public static string Text(XElement element, string name) => element.Elements(Atom + name).Single().Value;

    public static DateTimeOffset Time(XElement element, string name) => Rfc3339(Text(element, name));

    public static void Validate(XElement feed)
    {
        Assert.Equal(Atom + "feed", feed.Name);
        ExactlyOne(feed, "id", "title", "updated");
        AbsoluteId(Text(feed, "id"));
        Rfc3339(Text(feed, "updated"));
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.True(Uri.IsWellFormedUriString((string?)self.Attribute("href"), UriKind.Absolute), "the self link is absolute");
        var feedHasAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name") is { Value.Length: > 0 });

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Entries())
        {
            ExactlyOne(entry, "id", "title", "updated", "summary");
            var id = Text(entry, "id");
            AbsoluteId(id);
            Assert.True(ids.Add(id), $"entry id {id} is unique");
            var updated = Time(entry, "updated");
            if (entry.Element(Atom + "published") is { } published)
            {
                Assert.True(Rfc3339(published.Value) <= updated, "an entry is not updated before it is published");
            }

            Assert.True(feedHasAuthor || entry.Elements(Atom + "author").Any(), "every entry has an author, its own or the feed's");
            var alternate = Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") is null or "alternate");
            Assert.True(Uri.IsWellFormedUriString((string?)alternate.Attribute("href"), UriKind.Absolute), "the entry's link is absolute");
            Assert.True(Time(feed, "updated") >= updated, "the feed is updated no earlier than its entries");
        }
    }

    public static DateTimeOffset Rfc3339(string value)
    {
        Assert.Matches(Rfc3339Pattern(), value);
        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    private static void ExactlyOne(XElement parent, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(parent.Elements(Atom + name).Count() == 1, $"<{parent.Name.LocalName}> has exactly one <{name}>");
            Assert.False(string.IsNullOrWhiteSpace(parent.Element(Atom + name)!.Value), $"<{name}> is not empty");
        }
    }

    private static void AbsoluteId(string id)
    {
        Assert.True(id.StartsWith("urn:uuid:", StringComparison.Ordinal) || id.StartsWith("tag:", StringComparison.Ordinal), $"{id} is a tag: or urn:uuid: id");
        Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), $"{id} is an absolute IRI");
        if (id.StartsWith("urn:uuid:", StringComparison.Ordinal))
        {
            Assert.True(Guid.TryParseExact(id["urn:uuid:".Length..], "D", out _), $"{id} names a UUID");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();
}
