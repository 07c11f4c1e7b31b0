namespace Zgc.Notice.Calendar;

/// <summary>A stored year of holiday arrangements (table <c>CalendarYears</c>); its dates are <see cref="HolidayDate"/> rows.</summary>
public sealed class HolidayYear
{
    public int Year { get; set; }

    /// <summary>The official notices' links, one per line.</summary>
    public string Papers { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who stored it: <c>seed</c> for the shipped data, else the admin's name.</summary>
    public string UpdatedBy { get; set; } = "";

    public List<HolidayDate> Days { get; set; } = [];
}

/// <summary>One date of a year's arrangement (table <c>CalendarDays</c>).</summary>
public sealed class HolidayDate
{
    public int Year { get; set; }

    public DateOnly Date { get; set; }

    public bool IsOffDay { get; set; }

    public string Name { get; set; } = "";
}
