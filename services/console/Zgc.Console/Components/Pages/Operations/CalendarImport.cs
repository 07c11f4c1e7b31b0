using System.Globalization;
using Zgc.Console.Api;

namespace Zgc.Console.Components.Pages.Operations;

/// <summary>
/// Reads a year's holiday arrangement from CSV, one day per line: <c>date,kind,name</c> with kind <c>off</c> (休, a
/// holiday) or <c>work</c> (班, a make-up working day), e.g. <c>2027-10-01,off,国庆节</c>. A header line and blank lines
/// are skipped. Every bad line is reported by its number; nothing is sent while any line is wrong.
/// </summary>
public static class CalendarImport
{
    public sealed record Line(int Number, CalendarDayInput? Day, string? Error);

    public static Line Parse(int number, string text, int year)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return new Line(number, null, "date,kind[,name]");
        }

        if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new Line(number, null, $"'{parts[0]}': yyyy-MM-dd");
        }

        if (date.Year != year)
        {
            return new Line(number, null, $"{parts[0]} ∉ {year}");
        }

        bool? off = parts[1].ToLowerInvariant() switch
        {
            "off" or "休" or "holiday" => true,
            "work" or "班" or "workday" => false,
            _ => null,
        };
        return off is null
            ? new Line(number, null, $"'{parts[1]}': off|work|休|班")
            : new Line(number, new CalendarDayInput(date, off.Value, parts.Length > 2 ? parts[2] : null), null);
    }

    /// <summary>True for a header or blank line.</summary>
    public static bool Skip(string text) =>
        string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith("date", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('#');
}
