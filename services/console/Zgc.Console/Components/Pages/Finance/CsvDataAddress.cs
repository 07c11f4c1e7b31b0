using System.Text;

namespace Zgc.Console.Components.Pages.Finance;

/// <summary>
/// A CSV of what a list shows, handed to the browser as a data address (the browser has no token for the APIs):
/// UTF-8 with a byte-order mark so spreadsheet tools read Chinese, RFC 4180 quoting, and a cell that a spreadsheet
/// would run as a formula (= + - @ at its start) prefixed with an apostrophe.
/// </summary>
public static class CsvDataAddress
{
    public static string DataUri(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        }

        return "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())]);
    }

    private static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
