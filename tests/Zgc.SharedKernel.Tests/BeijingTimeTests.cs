namespace Zgc.SharedKernel.Tests;

public class BeijingTimeTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void The_zone_is_asia_shanghai_at_utc_plus_eight()
    {
        Assert.Equal("Asia/Shanghai", BeijingTime.Zone.Id);
        Assert.Equal(TimeSpan.FromHours(8), BeijingTime.Zone.GetUtcOffset(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_utc_instant_at_half_past_four_in_the_afternoon_is_the_next_beijing_day()
    {
        var instant = new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 2), BeijingTime.DateOf(instant));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 30, 0, TimeSpan.FromHours(8)), BeijingTime.ToBeijing(instant));
        Assert.Equal(TimeSpan.FromHours(8), BeijingTime.ToBeijing(instant).Offset);
    }

    [Fact]
    public void A_utc_instant_just_before_four_in_the_afternoon_is_still_the_same_beijing_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), BeijingTime.DateOf(new DateTimeOffset(2026, 3, 1, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_is_the_beijing_date_of_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 1, 1), BeijingTime.Today(clock));
    }

    [Fact]
    public void A_day_starts_at_midnight_beijing_time()
    {
        var start = BeijingTime.StartOfDay(new DateOnly(2026, 3, 2));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8)), start);
        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }

    [Fact]
    public void A_deadline_day_ends_at_24_00_beijing_time()
    {
        var deadline = new DateOnly(2026, 3, 2);
        var end = BeijingTime.EndOfDay(deadline);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(8)), end);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero), end.ToUniversalTime());

        // 23:59:59 on the deadline day is in time; 24:00 is not.
        var lastSecond = new DateTimeOffset(2026, 3, 2, 23, 59, 59, TimeSpan.FromHours(8));
        Assert.True(lastSecond < end);
        Assert.Equal(deadline, BeijingTime.DateOf(lastSecond));
        Assert.Equal(deadline.AddDays(1), BeijingTime.DateOf(end));
    }

    [Fact]
    public void The_end_of_the_year_rolls_into_the_next_year()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), BeijingTime.EndOfDay(new DateOnly(2026, 12, 31)));
    }
}
