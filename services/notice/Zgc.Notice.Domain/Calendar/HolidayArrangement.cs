using Zgc.SharedKernel;

namespace Zgc.Notice.Domain.Calendar;

/// <summary>
/// The State Council's arrangement of public holidays for one year (国务院办公厅关于…部分节假日安排的通知), with the
/// links of the notices it comes from. Its days may include dates of the adjacent year (the New Year holiday
/// may start in late December).
/// </summary>
public sealed record HolidayArrangement(int Year, IReadOnlyList<string> Papers, IReadOnlyList<CalendarDay> Days)
{
    public const string Rule = "calendar";
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>Checks an arrangement before it replaces a year: the year, each date, duplicates, names, source links.</summary>
    /// <exception cref="RuleViolationException">The first problem found, naming the field.</exception>
    public static HolidayArrangement Create(int year, IReadOnlyList<string>? papers, IReadOnlyList<CalendarDay>? days)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw Invalid("year", $"The year must be between {FirstYear} and {LastYear}.", $"年份须在{FirstYear}至{LastYear}之间。");
        }

        if (papers is null || papers.Count == 0 || papers.Any(p => !Uri.TryCreate(p, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw Invalid("papers", "Give the link (http or https) of each official notice the arrangement comes from.",
                "请提供安排所依据的每份官方通知的链接（http 或 https）。");
        }

        if (days is null || days.Count == 0)
        {
            throw Invalid("days", "An arrangement names at least one date.", "节假日安排至少应包含一个日期。");
        }

        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (Math.Abs(day.Date.Year - year) > 1 || (day.Date.Year != year && !NearTurnOfYear(day.Date, year)))
            {
                throw Invalid($"days[{i}].date", $"{day.Date:yyyy-MM-dd} is not in {year} (only the turn of the adjacent year may be named).",
                    $"{day.Date:yyyy-MM-dd}不属于{year}年（相邻年份只可包含跨年的日期）。");
            }

            if (!seen.Add(day.Date))
            {
                throw Invalid($"days[{i}].date", $"{day.Date:yyyy-MM-dd} is named twice.", $"{day.Date:yyyy-MM-dd}重复出现。");
            }

            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Length > 20)
            {
                throw Invalid($"days[{i}].name", "Each date names its holiday (at most 20 characters).", "每个日期须注明所属节日（不超过20个字）。");
            }
        }

        return new HolidayArrangement(year, [.. papers], [.. days.OrderBy(d => d.Date)]);
    }

    /// <summary>
    /// The warning an operator needs: in December (Beijing), next year's arrangement should be there, or notices that
    /// run into January will count weekdays only.
    /// </summary>
    public static string? MissingNextYearWarning(IEnumerable<int> knownYears, DateOnly today) =>
        today.Month == 12 && !knownYears.Contains(today.Year + 1)
            ? $"The holiday arrangement for {today.Year + 1} is missing: add it before January (until then {today.Year + 1} counts Monday to Friday). / 缺少{today.Year + 1}年的节假日安排，请在1月前补充。"
            : null;

    private static bool NearTurnOfYear(DateOnly date, int year) =>
        date.Year < year ? date.Month == 12 : date.Month == 1;

    private static RuleViolationException Invalid(string field, string en, string zh) => new(field, Rule, en, zh);
}
