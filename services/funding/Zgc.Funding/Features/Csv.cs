using System.Globalization;
using System.Text;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

/// <summary>RFC 4180 cells; text that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
internal static class Csv
{
    public static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (text.Length > 0 && value is string && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Yuan with two decimals, exact (from fen through decimal).</summary>
    public static string Yuan(Money amount) => amount.Yuan.ToString("0.00", CultureInfo.InvariantCulture);

    public static byte[] Bytes(StringBuilder csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
}
