using Zgc.SharedKernel;

namespace Zgc.Notice.Domain.Calendar;

/// <summary>One date that the State Council's arrangement takes out of the Monday-to-Friday rule.</summary>
/// <param name="Date">The Beijing calendar date.</param>
/// <param name="IsOffDay">True: a holiday (also when it falls on a weekday); false: a make-up working day (调休) on a weekend.</param>
/// <param name="Name">The holiday it belongs to, e.g. 春节.</param>
public sealed record CalendarDay(DateOnly Date, bool IsOffDay, string Name);

/// <summary>
/// The PRC working-day calendar (R-A13-NOTICE): Monday to Friday are working days, except the dates the annual
/// arrangements declare off; Saturdays and Sundays are not, except the make-up working days they declare.
/// All dates are Beijing dates; instants are turned into Beijing dates first.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _exceptions;
    private readonly SortedSet<int> _years;

    /// <param name="arrangements">The years' arrangements. A year's arrangement may name dates of the adjacent year (the
    /// 2019 notice names 2018-12-29 to 31); where two arrangements name the same date, the one of the date's own year wins.</param>
    public WorkingDayCalendar(IEnumerable<HolidayArrangement> arrangements)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        _exceptions = [];
        _years = [];
        foreach (var arrangement in arrangements.OrderBy(a => a.Year))
        {
            _years.Add(arrangement.Year);
            foreach (var day in arrangement.Days)
            {
                if (!_exceptions.ContainsKey(day.Date) || day.Date.Year == arrangement.Year)
                {
                    _exceptions[day.Date] = day;
                }
            }
        }
    }

    /// <summary>The years whose arrangement is known.</summary>
    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Whether the arrangement of <paramref name="year"/> is known (without it, that year counts Monday to Friday).</summary>
    public bool Covers(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var day)
        ? !day.IsOffDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Whether the Beijing date of <paramref name="instant"/> is a working day.</summary>
    public bool IsWorkingDay(DateTimeOffset instant) => IsWorkingDay(BeijingTime.DateOf(instant));

    /// <summary>The holiday or make-up day named for <paramref name="date"/>, if the arrangements name it.</summary>
    public CalendarDay? Exception(DateOnly date) => _exceptions.GetValueOrDefault(date);

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The <paramref name="n"/>th working day counting from <paramref name="from"/>: <paramref name="from"/> itself is day 1
    /// when it is a working day, otherwise the next working day is.
    /// </summary>
    public DateOnly NthWorkingDay(DateOnly from, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var day = NextWorkingDayOnOrAfter(from);
        for (var counted = 1; counted < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>The <paramref name="n"/>th working day counting from the Beijing date of <paramref name="from"/>.</summary>
    public DateOnly NthWorkingDay(DateTimeOffset from, int n) => NthWorkingDay(BeijingTime.DateOf(from), n);

    /// <summary>The number of working days from <paramref name="from"/> to <paramref name="to"/>, both included (0 when <paramref name="to"/> is earlier).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Working days between the Beijing dates of two instants, both days included.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) => WorkingDaysBetween(BeijingTime.DateOf(from), BeijingTime.DateOf(to));
}
