using System.Globalization;
using System.Text.RegularExpressions;

namespace Zgc.Console.Localization;

/// <summary>
/// Money as people read and type it. The services count in fen (exact, <see cref="long"/>); people see and enter yuan
/// with at most two decimals. Parsing works on the digits, never through floating point, so 10000000.05 is 1000000005 fen.
/// </summary>
public static partial class Yuan
{
    /// <summary>The largest amount accepted as typed: ten trillion yuan, far above any budget, well inside <see cref="long"/>.</summary>
    public const long MaxFen = 1_000_000_000_000_000;

    /// <summary>"¥1,234.56" (with the sign before ¥ when negative).</summary>
    public static string Format(long fen) => (fen < 0 ? "-¥" : "¥") + Plain(Math.Abs(fen));

    /// <summary>"1,234.56" without the currency sign, for columns already headed in yuan.</summary>
    public static string Plain(long fen)
    {
        var abs = Math.Abs(fen);
        return (fen < 0 ? "-" : "") + (abs / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (abs % 100).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The amount as an input's value: "1234.5" style without separators ("1234" for whole yuan).</summary>
    public static string Edit(long fen) =>
        fen % 100 == 0
            ? (fen / 100).ToString(CultureInfo.InvariantCulture)
            : (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The amount as an input's value with both decimals: "1234.50".</summary>
    public static string ForInput(long fen) => (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(fen) % 100).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Typed yuan to fen: digits with at most two decimals; thousands separators (also the full-width "，") and a leading
    /// ¥/￥ are allowed. Null for anything else, negative amounts or more than <see cref="MaxFen"/>.
    /// </summary>
    public static long? ToFen(string? text)
    {
        var cleaned = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).TrimStart('¥', '￥').Trim();
        var match = AmountPattern().Match(cleaned);
        if (!match.Success)
        {
            return null;
        }

        var whole = long.Parse(match.Groups["whole"].Value, CultureInfo.InvariantCulture);
        var cents = match.Groups["cents"].Value.PadRight(2, '0');
        var fen = whole * 100 + int.Parse(cents, CultureInfo.InvariantCulture);
        return fen <= MaxFen ? fen : null;
    }

    [GeneratedRegex(@"^(?<whole>\d{1,13})(\.(?<cents>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
