using Zgc.Messaging.Outbox;

namespace Zgc.Monitoring.Features.Reports;

/// <summary>
/// The tokens of an annual report's timers (its reminders and its due instant), named by the report and the timer's
/// purpose so the submission can cancel them without having stored them.
/// </summary>
/// <remarks>
/// Once a report is submitted its reminders and due timer change nothing (R-A14-ANNUAL: a submitted report is neither
/// reminded nor overdue, and never returns to open), yet each would still be delivered and handled when its day came —
/// two or three per report and year, all firing together when a programme's reporting period passes
/// (docs/performance.md, fix 42). A reminder scheduled under a setting of reminder days since changed is not among these
/// tokens; it fires and is handled as a no-op, as before.
/// </remarks>
internal static class ReportTimers
{
    public static Guid Due(Guid reportId) => TimerToken.For(reportId, "annual-report-due");

    public static Guid Reminder(Guid reportId, int daysBefore) =>
        TimerToken.For(reportId, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"annual-report-reminder-{daysBefore}"));

    /// <summary>Every timer a report opened under <paramref name="options"/> may still have pending.</summary>
    public static IReadOnlyCollection<Guid> All(Guid reportId, MonitoringOptions options) =>
        [Due(reportId), .. options.EffectiveReminderDays.Where(d => d > 0).Distinct().Select(d => Reminder(reportId, d))];
}
