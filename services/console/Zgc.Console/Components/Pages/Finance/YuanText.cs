using System.Globalization;

namespace Zgc.Console.Components.Pages.Finance;

/// <summary>
/// Money as people type it (yuan, up to two decimals, thousands separators allowed) and as the services take it (fen,
/// exact): the conversion goes through decimal and never rounds.
/// </summary>
public static class YuanText
{
    /// <summary>The largest amount the console accepts (a safe bound far above any budget): CNY 10^13.</summary>
    private const decimal MaximumYuan = 10_000_000_000_000m;

    /// <summary>Fen for a typed amount; null when it is not a non-negative amount with at most two decimals.</summary>
    public static long? ToFen(string? text)
    {
        var cleaned = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).TrimStart('¥', '￥');
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan) || yuan > MaximumYuan)
        {
            return null;
        }

        var fen = yuan * 100m;
        return fen == decimal.Truncate(fen) ? (long)fen : null;
    }

    /// <summary>Fen as an editable amount in yuan ("1234567.89"), the default of an input.</summary>
    public static string ForInput(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
