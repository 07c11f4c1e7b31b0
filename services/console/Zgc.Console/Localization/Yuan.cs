using System.Globalization;

namespace Zgc.Console.Localization;

/// <summary>Money as people read it: fen (the services' exact unit) shown as yuan with two decimals and thousands separators.</summary>
public static class Yuan
{
    public static string Format(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = Math.Abs((decimal)fen);
        return sign + "¥" + (abs / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
    }
}
