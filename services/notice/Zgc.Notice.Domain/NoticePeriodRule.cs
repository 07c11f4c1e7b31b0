using Zgc.Notice.Domain.Calendar;
using Zgc.SharedKernel;

namespace Zgc.Notice.Domain;

/// <summary>Which working day is day 1 of a notice period.</summary>
public enum NoticeStart
{
    /// <summary>The publication day when it is a working day, otherwise the next working day (the default).</summary>
    PublicationDay,

    /// <summary>Always the first working day after the publication day.</summary>
    NextWorkingDay,
}

/// <summary>
/// The notice-period rules of the policy configuration (R-A13-NOTICE). Defaults: at least five working days,
/// starting on the publication day when it is a working day, ending at 24:00 Beijing time of the last one.
/// </summary>
public sealed record NoticePeriodPolicy
{
    public const int MinimumWorkingDays = 5;

    public int WorkingDays { get; init; } = MinimumWorkingDays;

    public NoticeStart Start { get; init; } = NoticeStart.PublicationDay;

    /// <summary>The Beijing time of day the period closes on its last day; null means 24:00 (end of the day).</summary>
    public TimeOnly? ClosesAtTimeOfDay { get; init; }

    public static NoticePeriodPolicy Default { get; } = new();
}

/// <summary>R-A13-NOTICE: computes a notice's period from its publication instant, the working-day calendar and the policy.</summary>
public static class NoticePeriodRule
{
    public const int MinimumWorkingDays = NoticePeriodPolicy.MinimumWorkingDays;

    public static (DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset ClosesAt) For(DateTimeOffset publishedAt, WorkingDayCalendar calendar,
        NoticePeriodPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        policy ??= NoticePeriodPolicy.Default;
        if (policy.WorkingDays < MinimumWorkingDays)
        {
            throw new RuleViolationException("workingDays", "R-A13-NOTICE", $"A notice lasts at least {MinimumWorkingDays} working days.",
                $"公示期不少于{MinimumWorkingDays}个工作日。");
        }

        var published = BeijingTime.DateOf(publishedAt);
        var start = policy.Start == NoticeStart.NextWorkingDay
            ? calendar.NextWorkingDayOnOrAfter(published.AddDays(1))
            : calendar.NextWorkingDayOnOrAfter(published);
        var end = calendar.NthWorkingDay(start, policy.WorkingDays);
        return (start, end, CloseInstant(end, policy));
    }

    /// <summary>The instant a period whose last working day is <paramref name="endsOn"/> closes.</summary>
    public static DateTimeOffset CloseInstant(DateOnly endsOn, NoticePeriodPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.ClosesAtTimeOfDay is { } time
            ? BeijingTime.StartOfDay(endsOn).Add(time.ToTimeSpan())
            : BeijingTime.EndOfDay(endsOn);
    }
}
