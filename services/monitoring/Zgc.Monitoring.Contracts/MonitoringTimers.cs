namespace Zgc.Monitoring.Contracts;

/// <summary>The monitoring service's own timer: remind the unit of its annual report <paramref name="DaysBefore"/> days before it is due.</summary>
public sealed record AnnualReportReminderDue(
    Guid ReportId,
    int DaysBefore);

/// <summary>The monitoring service's own timer: the annual report is due now (24:00 Beijing of its due date).</summary>
public sealed record AnnualReportDue(
    Guid ReportId,
    DateOnly DueOn);

/// <summary>The monitoring service's own timer: the rectification deadline passed (24:00 Beijing of the deadline).</summary>
public sealed record RectificationDue(
    Guid OrderId,
    DateOnly Deadline);
