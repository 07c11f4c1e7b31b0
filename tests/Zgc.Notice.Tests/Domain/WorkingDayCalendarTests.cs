using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;
using Zgc.Notice.Domain.Calendar;
using Zgc.SharedKernel;

namespace Zgc.Notice.Tests.Domain;

/// <summary>R-A13-NOTICE: working days follow the State Council's arrangements (make-up days included), in Beijing time.</summary>
public class WorkingDayCalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly WorkingDayCalendar Calendar = new(CalendarStore.Shipped());

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string iso, int hour = 10) => new(D(iso).ToDateTime(new TimeOnly(hour, 0)), Beijing);

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void The_shipped_data_covers_2019_to_2026_with_source_links()
    {
        var shipped = CalendarStore.Shipped();
        Assert.Equal(Enumerable.Range(2019, 8), shipped.Select(a => a.Year));
        Assert.All(shipped, a => Assert.All(a.Papers, p => Assert.StartsWith("http", p, StringComparison.Ordinal)));
    }

    [Theory, Trait("Req", "R-A13-NOTICE")]
    [InlineData("2019-05-01", false)] // Labour Day
    [InlineData("2019-05-05", true)] // Sunday, make-up working day
    [InlineData("2019-04-28", true)] // Sunday, make-up working day
    [InlineData("2018-12-29", true)] // Saturday, named in the 2019 arrangement (adjacent year)
    [InlineData("2018-12-31", false)] // Monday off, also from the 2019 arrangement
    [InlineData("2024-02-12", false)] // Spring Festival, a Monday
    [InlineData("2024-02-18", true)] // Sunday make-up day after Spring Festival
    [InlineData("2025-10-08", false)] // National Day / Mid-Autumn, a Wednesday
    [InlineData("2025-10-11", true)] // Saturday make-up day
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-03-09", true)] // an ordinary Monday
    public void Is_a_working_day(string date, bool expected) => Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Published_Friday_2019_04_26_its_5th_working_day_is_the_make_up_Sunday_2019_05_05()
    {
        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(At("2019-04-26"), Calendar);

        Assert.Equal(D("2019-04-26"), startsOn);
        Assert.Equal(D("2019-05-05"), endsOn);
        Assert.Equal(DayOfWeek.Sunday, endsOn.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2019, 5, 6, 0, 0, 0, Beijing), closesAt);
    }

    [Theory, Trait("Req", "R-A13-NOTICE")]
    [InlineData("2024-02-08", "2024-02-08", "2024-02-20")] // Spring Festival 2024: Feb 10-17 off, Sunday Feb 18 worked
    [InlineData("2026-02-14", "2026-02-14", "2026-02-27")] // published on the make-up Saturday before Spring Festival 2026
    [InlineData("2025-09-30", "2025-09-30", "2025-10-13")] // National Day 2025: Oct 1-8 off, Saturday Oct 11 worked
    [InlineData("2025-10-01", "2025-10-09", "2025-10-14")] // published on a holiday: day 1 is the first working day after it
    [InlineData("2026-03-07", "2026-03-09", "2026-03-13")] // published on a Saturday
    [InlineData("2019-12-30", "2019-12-30", "2020-01-06")] // across the year end, New Year's Day off
    [InlineData("2022-12-30", "2022-12-30", "2023-01-06")] // 2022-12-31 is named by the 2023 arrangement
    public void Notice_periods_around_holidays_and_year_ends(string published, string starts, string ends)
    {
        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(At(published), Calendar);

        Assert.Equal((D(starts), D(ends)), (startsOn, endsOn));
        Assert.Equal(BeijingTime.EndOfDay(D(ends)), closesAt);
        Assert.Equal(5, Calendar.WorkingDaysBetween(startsOn, endsOn));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void The_Beijing_date_counts_not_the_UTC_date()
    {
        // Friday 2026-03-06 16:30 UTC is Saturday 00:30 in Beijing.
        var (startsOn, _, _) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero), Calendar);
        Assert.Equal(D("2026-03-09"), startsOn);
        Assert.False(Calendar.IsWorkingDay(new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero)));
        Assert.True(Calendar.IsWorkingDay(new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.Zero)));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Alternatives_start_on_the_next_working_day_and_close_at_17_30()
    {
        var policy = new NoticePeriodPolicy { Start = NoticeStart.NextWorkingDay, ClosesAtTimeOfDay = new TimeOnly(17, 30) };

        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(At("2019-04-26"), Calendar, policy);

        Assert.Equal(D("2019-04-28"), startsOn);
        Assert.Equal(D("2019-05-06"), endsOn);
        Assert.Equal(new DateTimeOffset(2019, 5, 6, 17, 30, 0, Beijing), closesAt);
    }

    [Theory, Trait("Req", "R-A13-NOTICE")]
    [InlineData(4)]
    [InlineData(0)]
    public void Fewer_than_five_working_days_is_refused(int workingDays)
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            NoticePeriodRule.For(At("2026-03-04"), Calendar, new NoticePeriodPolicy { WorkingDays = workingDays }));
        Assert.Equal("R-A13-NOTICE", error.Rule);
    }

    [Fact]
    public void Working_days_between_and_nth_working_day()
    {
        Assert.Equal(D("2019-05-05"), Calendar.NthWorkingDay(D("2019-04-26"), 5));
        Assert.Equal(D("2025-10-09"), Calendar.NthWorkingDay(D("2025-10-01"), 1));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2025-10-01"), D("2025-10-08")));
        Assert.Equal(3, Calendar.WorkingDaysBetween(D("2024-02-09"), D("2024-02-19")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2024-02-19"), D("2024-02-09")));
    }

    [Fact]
    public void A_year_without_an_arrangement_counts_Monday_to_Friday()
    {
        Assert.False(Calendar.Covers(2030));
        Assert.True(Calendar.IsWorkingDay(D("2030-01-01")));
    }

    [Fact]
    public void An_arrangement_is_validated()
    {
        CalendarDay[] ok = [new(D("2027-01-01"), true, "元旦")];
        string[] papers = ["https://www.gov.cn/example"];
        Assert.Equal(2027, HolidayArrangement.Create(2027, papers, ok).Year);

        Assert.Equal("days[1].date", Assert.Throws<RuleViolationException>(() =>
            HolidayArrangement.Create(2027, papers, [ok[0], ok[0]])).Field);
        Assert.Equal("days[0].date", Assert.Throws<RuleViolationException>(() =>
            HolidayArrangement.Create(2027, papers, [new(D("2026-06-01"), true, "x")])).Field);
        Assert.Equal("days[0].name", Assert.Throws<RuleViolationException>(() =>
            HolidayArrangement.Create(2027, papers, [new(D("2027-01-04"), false, " ")])).Field);
        Assert.Equal("papers", Assert.Throws<RuleViolationException>(() => HolidayArrangement.Create(2027, [], ok)).Field);
        Assert.Equal("year", Assert.Throws<RuleViolationException>(() => HolidayArrangement.Create(1999, papers, ok)).Field);
        Assert.Equal(2027, HolidayArrangement.Create(2027, papers, [new(D("2026-12-31"), true, "元旦")]).Year);
    }

    [Fact]
    public void In_December_a_missing_next_year_is_warned_about()
    {
        Assert.NotNull(HolidayArrangement.MissingNextYearWarning([2025, 2026], D("2026-12-01")));
        Assert.Null(HolidayArrangement.MissingNextYearWarning([2026, 2027], D("2026-12-01")));
        Assert.Null(HolidayArrangement.MissingNextYearWarning([2026], D("2026-11-30")));
    }
}
