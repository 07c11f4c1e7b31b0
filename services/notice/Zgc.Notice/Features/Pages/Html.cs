using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Zgc.Notice.Features.Pages;

/// <summary>A piece of HTML that is already safe to emit: written by us, with every value in it encoded.</summary>
internal readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new("");

    public override string ToString() => Value;
}

/// <summary>
/// Builds HTML from interpolated strings in which every hole is HTML-encoded unless it is already <see cref="Markup"/>:
/// <c>Html.Of($"&lt;dd&gt;{notice.PlatformName}&lt;/dd&gt;")</c>. Values from notices and objectors can therefore only be
/// text, never markup, in element content and in quoted attribute values alike.
/// </summary>
internal static class Html
{
    /// <summary>Encodes &lt; &gt; &amp; " ' and the like but leaves Chinese text as it is, so pages stay readable and small.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    public static Markup Of(ref HtmlHandler html) => html.ToMarkup();

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    /// <summary>Text whose line breaks are kept (a summary or reasons typed in several paragraphs).</summary>
    public static Markup Lines(string? text) =>
        new(string.Join("<br>", (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(Encode)));
}

[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    private readonly StringBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + (formattedCount * 16));
    }

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(string? value) => _builder.Append(Html.Encode(value));

    public readonly void AppendFormatted(Markup value) => _builder.Append(value.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> values)
    {
        foreach (var value in values)
        {
            _builder.Append(value.Value);
        }
    }

    public readonly void AppendFormatted<T>(T value) where T : IFormattable =>
        _builder.Append(Html.Encode(value.ToString(null, CultureInfo.InvariantCulture)));

    public readonly Markup ToMarkup() => new(_builder.ToString());
}
