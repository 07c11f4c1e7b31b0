using Zgc.SharedKernel;

namespace Zgc.Notice.Domain;

/// <summary>
/// R-A13-NOTICE: at least five working days. Walking-skeleton rule: Monday to Friday are working days; the
/// publication day is day 1 when it is one, otherwise the next working day is; the period ends at 24:00
/// Beijing time of day 5. (The PRC holiday calendar with make-up working days replaces the weekday test.)
/// </summary>
public static class NoticePeriodRule
{
    public const int MinimumWorkingDays = 5;

    public static (DateOnly StartsOn, DateOnly EndsOn, DateTimeOffset ClosesAt) For(DateTimeOffset publishedAt, int workingDays = MinimumWorkingDays)
    {
        if (workingDays < MinimumWorkingDays)
        {
            throw new RuleViolationException("workingDays", "R-A13-NOTICE", $"A notice lasts at least {MinimumWorkingDays} working days.",
                $"公示期不少于{MinimumWorkingDays}个工作日。");
        }

        var day = BeijingTime.DateOf(publishedAt);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        var start = day;
        var counted = 1;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return (start, day, BeijingTime.EndOfDay(day));
    }

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
