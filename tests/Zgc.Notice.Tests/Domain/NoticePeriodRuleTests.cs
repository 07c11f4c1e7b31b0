using Zgc.Notice.Domain;
using Zgc.SharedKernel;

namespace Zgc.Notice.Tests.Domain;

/// <summary>R-A13-NOTICE: at least five working days, counted in Beijing time, ending at 24:00 Beijing time.</summary>
public class NoticePeriodRuleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Published_on_a_Wednesday_morning_it_starts_that_day_and_ends_the_next_Tuesday_at_24_00_Beijing()
    {
        // 2026-03-04 is a Wednesday.
        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 4, 9, 30, 0, Beijing));

        Assert.Equal(new DateOnly(2026, 3, 4), startsOn);
        Assert.Equal(new DateOnly(2026, 3, 10), endsOn);
        Assert.Equal(DayOfWeek.Tuesday, endsOn.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, Beijing), closesAt);
        Assert.Equal(Beijing, closesAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.Zero), closesAt.ToUniversalTime());
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void The_same_instant_given_in_UTC_gives_the_same_period()
    {
        // Wednesday 09:30 Beijing = Wednesday 01:30 UTC.
        var fromUtc = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 4, 1, 30, 0, TimeSpan.Zero));
        var fromBeijing = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 4, 9, 30, 0, Beijing));

        Assert.Equal(fromBeijing, fromUtc);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Published_on_a_Saturday_it_starts_on_Monday_and_ends_on_Friday()
    {
        // 2026-03-07 is a Saturday.
        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 7, 10, 0, 0, Beijing));

        Assert.Equal(new DateOnly(2026, 3, 9), startsOn);
        Assert.Equal(DayOfWeek.Monday, startsOn.DayOfWeek);
        Assert.Equal(new DateOnly(2026, 3, 13), endsOn);
        Assert.Equal(DayOfWeek.Friday, endsOn.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 0, 0, 0, Beijing), closesAt);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Published_on_a_Sunday_it_starts_on_Monday()
    {
        var (startsOn, endsOn, _) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 8, 23, 0, 0, Beijing));

        Assert.Equal(new DateOnly(2026, 3, 9), startsOn);
        Assert.Equal(new DateOnly(2026, 3, 13), endsOn);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Published_Friday_23_30_Beijing_which_is_15_30_UTC_counts_Friday()
    {
        // Friday 2026-03-06 15:30 UTC is 23:30 the same Friday in Beijing: Friday is day 1.
        var (startsOn, endsOn, closesAt) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 6), startsOn);
        Assert.Equal(new DateOnly(2026, 3, 12), endsOn);
        Assert.Equal(DayOfWeek.Thursday, endsOn.DayOfWeek);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 0, 0, 0, Beijing), closesAt);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void Published_Friday_16_30_UTC_is_already_Saturday_in_Beijing_so_it_starts_on_Monday()
    {
        // Friday 16:30 UTC is Saturday 00:30 in Beijing, although it is still Friday in UTC.
        var (startsOn, endsOn, _) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 9), startsOn);
        Assert.Equal(new DateOnly(2026, 3, 13), endsOn);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void A_longer_period_counts_only_working_days()
    {
        var (startsOn, endsOn, _) = NoticePeriodRule.For(new DateTimeOffset(2026, 3, 4, 9, 0, 0, Beijing), workingDays: 10);

        Assert.Equal(new DateOnly(2026, 3, 4), startsOn);
        Assert.Equal(new DateOnly(2026, 3, 17), endsOn);
    }

    [Theory, Trait("Req", "R-A13-NOTICE")]
    [InlineData(4)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Fewer_than_five_working_days_is_refused(int workingDays)
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            NoticePeriodRule.For(new DateTimeOffset(2026, 3, 4, 9, 0, 0, Beijing), workingDays));

        Assert.Equal("R-A13-NOTICE", error.Rule);
        Assert.Equal("workingDays", error.Field);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public void A_published_notice_carries_its_period()
    {
        var publishedAt = new DateTimeOffset(2026, 3, 7, 2, 0, 0, TimeSpan.Zero);
        var applicationId = Guid.NewGuid();

        var notice = PublicNotice.Publish(Guid.NewGuid(), applicationId, "Platform", "Unit", publishedAt);

        Assert.Equal(applicationId, notice.ApplicationId);
        Assert.Equal(new DateOnly(2026, 3, 9), notice.StartsOn);
        Assert.Equal(new DateOnly(2026, 3, 13), notice.EndsOn);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 0, 0, 0, Beijing), notice.ClosesAt);
        Assert.Equal(publishedAt, notice.PublishedAt);
    }
}
