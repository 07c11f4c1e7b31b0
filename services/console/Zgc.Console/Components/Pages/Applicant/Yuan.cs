using System.Globalization;
using System.Text.RegularExpressions;

namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// Money as people type it (yuan, at most two decimals) and as the services keep it (whole fen). Parsed from the digits
/// themselves, never through floating point, so what is typed is what is sent.
/// </summary>
public static partial class Yuan
{
    /// <summary>The largest amount intake takes: 10^15 fen (CNY 10 trillion).</summary>
    public const long MaxFen = 1_000_000_000_000_000;

    /// <summary>The fen of <paramref name="text"/> (e.g. "30000000" or "1,234.5"), or null when it is not an amount.</summary>
    public static long? ToFen(string? text)
    {
        var trimmed = text?.Trim().Replace(",", "", StringComparison.Ordinal) ?? "";
        var match = AmountPattern().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var whole = long.Parse(match.Groups["whole"].Value, CultureInfo.InvariantCulture);
        var cents = match.Groups["cents"].Value.PadRight(2, '0');
        var fen = whole * 100 + int.Parse(cents, CultureInfo.InvariantCulture);
        return fen <= MaxFen ? fen : null;
    }

    /// <summary>Fen as yuan with two decimals and thousands separators, e.g. 3000000000 → "30,000,000.00".</summary>
    public static string Format(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = Math.Abs(fen);
        return sign + (abs / 100).ToString("#,0", CultureInfo.InvariantCulture) + "." + (abs % 100).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Fen as the plain text an input shows again (no separators), e.g. 3000000050 → "30000000.50".</summary>
    public static string Edit(long fen) =>
        fen % 100 == 0
            ? (fen / 100).ToString(CultureInfo.InvariantCulture)
            : (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("00", CultureInfo.InvariantCulture);

    // At most 13 digits of yuan: 10^13 yuan is the service's ceiling.
    [GeneratedRegex(@"^(?<whole>\d{1,13})(\.(?<cents>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
