namespace Zgc.Monitoring.Contracts;

/// <summary>
/// The annual report of a construction year is due in <paramref name="DaysBefore"/> days and not yet submitted
/// (R-A14-ANNUAL): for whoever notifies the unit.
/// </summary>
public sealed record AnnualReportReminder(
    Guid ApplicationId,
    Guid ReportId,
    int ConstructionYear,
    string UnitUscc,
    DateOnly DueOn,
    int DaysBefore);

/// <summary>The annual report of a construction year was not submitted by 24:00 Beijing time of its due date (R-A14-ANNUAL).</summary>
public sealed record AnnualReportOverdue(
    Guid ApplicationId,
    Guid ReportId,
    int ConstructionYear,
    string UnitUscc,
    DateOnly DueOn,
    DateTimeOffset OverdueAt);

/// <summary>The unit submitted its annual report (R-A14-ANNUAL); <paramref name="Late"/> when after the due date.</summary>
public sealed record AnnualReportSubmitted(
    Guid ApplicationId,
    Guid ReportId,
    int ConstructionYear,
    bool Late,
    DateTimeOffset SubmittedAt);
