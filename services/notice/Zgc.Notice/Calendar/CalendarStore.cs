using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Calendar;

/// <summary>The working-day calendar as stored in the notice database, and the shipped arrangements it is seeded from.</summary>
public static class CalendarStore
{
    private const string SeedResource = "Zgc.Notice.Calendar.prc-holiday-arrangements.json";

    public static async Task<WorkingDayCalendar> Load(NoticeDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(cancellationToken);
        return new WorkingDayCalendar(years.Select(ToArrangement));
    }

    public static HolidayArrangement ToArrangement(HolidayYear year) => new(year.Year,
        year.Papers.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        [.. year.Days.OrderBy(d => d.Date).Select(d => new CalendarDay(d.Date, d.IsOffDay, d.Name))]);

    /// <summary>Adds or replaces a year (the caller saves).</summary>
    public static async Task Put(NoticeDbContext db, HolidayArrangement arrangement, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.CalendarYears.Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == arrangement.Year, cancellationToken);
        if (existing is not null)
        {
            db.CalendarDays.RemoveRange(existing.Days);
            db.CalendarYears.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.CalendarYears.Add(new HolidayYear
        {
            Year = arrangement.Year,
            Papers = string.Join('\n', arrangement.Papers),
            UpdatedAt = now,
            UpdatedBy = by,
            Days = [.. arrangement.Days.Select(d => new HolidayDate { Year = arrangement.Year, Date = d.Date, IsOffDay = d.IsOffDay, Name = d.Name })],
        });
    }

    /// <summary>The arrangements shipped with the service (2019–2026, from the State Council's notices).</summary>
    public static IReadOnlyList<HolidayArrangement> Shipped()
    {
        using var stream = typeof(CalendarStore).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The embedded resource {SeedResource} is missing.");
        var file = JsonSerializer.Deserialize<ShippedFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"The embedded resource {SeedResource} is empty.");
        return [.. file.Years.Select(y => HolidayArrangement.Create(y.Year, y.Papers, [.. y.Days.Select(d => new CalendarDay(d.Date, d.IsOffDay, d.Name))]))];
    }

    /// <summary>Stores each shipped year the database does not have yet; years an admin stored are left alone.</summary>
    public static async Task<int> Seed(NoticeDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var arrangement in Shipped().Where(a => !known.Contains(a.Year)))
        {
            await Put(db, arrangement, "seed", now, cancellationToken);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private sealed record ShippedFile(List<ShippedYear> Years);

    private sealed record ShippedYear(int Year, List<string> Papers, List<ShippedDay> Days);

    private sealed record ShippedDay(DateOnly Date, bool IsOffDay, string Name);
}
