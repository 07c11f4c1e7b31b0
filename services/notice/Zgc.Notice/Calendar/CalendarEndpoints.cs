using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain.Calendar;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.ServiceDefaults.Limits;
using Zgc.SharedKernel;

namespace Zgc.Notice.Calendar;

public sealed record CalendarDayInput(DateOnly Date, bool IsOffDay, string? Name);

public sealed record CalendarYearInput(List<string>? Papers, List<CalendarDayInput>? Days);

public sealed record CalendarYearView(int Year, IReadOnlyList<string> Papers, IReadOnlyList<CalendarDay> Days, DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record CalendarOverview(IReadOnlyList<int> Years, IReadOnlyList<string> Warnings);

public sealed record CalendarYearStored(int Year, int Days, IReadOnlyList<string> Warnings);

public sealed record WorkingDayAnswer(DateOnly Date, bool IsWorkingDay, string? Holiday);

public sealed record WorkingDaysAnswer(DateOnly From, DateOnly To, int WorkingDays);

/// <summary>The working-day calendar: public look-ups, and the admin's add-or-replace of a year.</summary>
internal static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        var calendar = group.MapGroup("/calendar");
        calendar.MapGet("/years", Overview).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        calendar.MapGet("/years/{year:int}", GetYear).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        calendar.MapPut("/years/{year:int}", PutYear).RequireRoles(Roles.Admin);
        calendar.MapGet("/days/{date}", Day).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        calendar.MapGet("/nth-working-day", Nth).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        calendar.MapGet("/working-days", Between).AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
    }

    private static async Task<Ok<CalendarOverview>> Overview(NoticeDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).OrderBy(y => y).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CalendarOverview(years, Warnings(years, clock)));
    }

    private static async Task<Results<Ok<CalendarYearView>, NotFound>> GetYear(int year, NoticeDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.CalendarYears.AsNoTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (stored is null)
        {
            return TypedResults.NotFound();
        }

        var arrangement = CalendarStore.ToArrangement(stored);
        return TypedResults.Ok(new CalendarYearView(year, arrangement.Papers, arrangement.Days, stored.UpdatedAt, stored.UpdatedBy));
    }

    private static async Task<Ok<CalendarYearStored>> PutYear(int year, CalendarYearInput input, ClaimsPrincipal user, NoticeDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (input.Days?.Any(d => d is null) == true)
        {
            throw new RuleViolationException("days", HolidayArrangement.Rule, "A day of the arrangement is empty.", "调休安排中有空的日期项。");
        }

        var arrangement = HolidayArrangement.Create(year, input.Papers, input.Days?.Select(d => new CalendarDay(d.Date, d.IsOffDay, d.Name ?? "")).ToList());
        await CalendarStore.Put(db, arrangement, user.Identity?.Name ?? "admin", clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CalendarYearStored(year, arrangement.Days.Count, Warnings(years, clock)));
    }

    private static async Task<Ok<WorkingDayAnswer>> Day(DateOnly date, NoticeDbContext db, CalendarCache calendars, CancellationToken cancellationToken)
    {
        var calendar = await calendars.Get(db, cancellationToken);
        return TypedResults.Ok(new WorkingDayAnswer(date, calendar.IsWorkingDay(date), calendar.Exception(date)?.Name));
    }

    private static async Task<Ok<WorkingDayAnswer>> Nth(DateOnly from, int n, NoticeDbContext db, CalendarCache calendars, CancellationToken cancellationToken)
    {
        if (n is < 1 or > 1000)
        {
            throw new RuleViolationException("n", HolidayArrangement.Rule, "n is between 1 and 1000.", "n 应在1至1000之间。");
        }

        var calendar = await calendars.Get(db, cancellationToken);
        var day = calendar.NthWorkingDay(from, n);
        return TypedResults.Ok(new WorkingDayAnswer(day, true, calendar.Exception(day)?.Name));
    }

    private static async Task<Ok<WorkingDaysAnswer>> Between(DateOnly from, DateOnly to, NoticeDbContext db, CalendarCache calendars, CancellationToken cancellationToken)
    {
        if (to.DayNumber - from.DayNumber > 3660)
        {
            throw new RuleViolationException("to", HolidayArrangement.Rule, "At most ten years at a time.", "一次最多查询十年。");
        }

        var calendar = await calendars.Get(db, cancellationToken);
        return TypedResults.Ok(new WorkingDaysAnswer(from, to, calendar.WorkingDaysBetween(from, to)));
    }

    private static List<string> Warnings(IEnumerable<int> years, TimeProvider clock) =>
        HolidayArrangement.MissingNextYearWarning(years, BeijingTime.Today(clock)) is { } warning ? [warning] : [];
}
