namespace Zgc.SharedKernel;

/// <summary>
/// The calendar of the programme is Beijing's: the notice period of Art. 13 (三) counts Beijing working days
/// (R-A13-NOTICE), and funding years and deadlines are Beijing dates. Instants are stored as
/// <see cref="DateTimeOffset"/>; this class turns them into Beijing dates and back.
/// </summary>
/// <remarks>
/// A deadline "on date D" ends at 24:00 Beijing time of D, which is the instant 00:00 +08:00 of D + 1
/// (<see cref="EndOfDay"/>). Compare with <c>instant &lt; EndOfDay(D)</c>: an act at 23:59:59 on D is in time.
/// </remarks>
public static class BeijingTime
{
    /// <summary>
    /// Asia/Shanghai, resolved once. When the host has no time-zone database (some minimal containers) it falls
    /// back to a fixed UTC+08:00 zone, which is exact for every date since China last observed daylight saving
    /// in 1991.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = ResolveZone();

    /// <summary>The same instant, expressed with Beijing's offset (+08:00).</summary>
    public static DateTimeOffset ToBeijing(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Beijing calendar date of an instant: 16:30 UTC is already 00:30 of the next day in Beijing.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToBeijing(instant).DateTime);

    /// <summary>Today in Beijing, by the given clock (a TimeProvider so that tests and timers control "now").</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>00:00 Beijing time at the start of <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>
    /// 24:00 Beijing time of <paramref name="date"/>, i.e. 00:00 +08:00 of the next day: the exclusive end of a
    /// period whose last day is <paramref name="date"/>.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));

    private static TimeZoneInfo ResolveZone()
    {
        const string id = "Asia/Shanghai";
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
