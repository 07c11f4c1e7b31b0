using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Calendar;

/// <summary>
/// The stored working-day calendar, read once and kept until a year changes. Every publish, extension and calendar question
/// needs it, and reading every year with all its days each time (~250 rows) was most of a publish's reading. Each use first
/// reads the years' (year, updated-at) stamps — a handful of rows — so an admin's change, made through any replica, is used
/// by the next call everywhere.
/// </summary>
public sealed class CalendarCache
{
    private Entry? _entry;

    public async Task<WorkingDayCalendar> Get(NoticeDbContext db, CancellationToken cancellationToken)
    {
        var stamps = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year)
            .Select(y => new Stamp(y.Year, y.UpdatedAt)).ToListAsync(cancellationToken);
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && entry.Stamps.SequenceEqual(stamps))
        {
            return entry.Calendar;
        }

        // A change committed between the two reads is cached under the older stamps, so the next call reads it again.
        var calendar = await CalendarStore.Load(db, cancellationToken);
        Volatile.Write(ref _entry, new Entry(stamps, calendar));
        return calendar;
    }

    private sealed record Stamp(int Year, DateTimeOffset UpdatedAt);

    private sealed record Entry(List<Stamp> Stamps, WorkingDayCalendar Calendar);
}
