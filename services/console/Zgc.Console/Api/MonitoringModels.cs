namespace Zgc.Console.Api;

/// <summary>
/// An annual report as the monitoring officer lists it (<c>GET /monitoring/reports?view=summary</c>): status Open, Overdue,
/// Submitted or Evaluated; grade Excellent, Pass or Fail once evaluated. The indicators are left out: the inbox does not
/// show them. <see cref="Comments"/> comes only with a whole report (the answer to an evaluation).
/// </summary>
public sealed record MonitoringReport(
    Guid Id, Guid ApplicationId, string UnitUscc, int ConstructionYear, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, string Status,
    DateTimeOffset OpenedAt, DateTimeOffset? SubmittedAt, bool SubmittedLate, DateTimeOffset? OverdueAt, string? Grade, string? Comments, string? EvaluatedBy,
    DateTimeOffset? EvaluatedAt, string? PlatformName = null);


/// <summary>A rectification order (Open, Completed or Overdue), with its platform's name when listed across platforms.</summary>
public sealed record Rectification(Guid Id, Guid ApplicationId, string Requirements, DateOnly Deadline, string Status, string OrderedBy, DateTimeOffset OrderedAt,
    DateTimeOffset? OverdueAt, string? CompletionNote, DateTimeOffset? CompletedAt, string? PlatformName = null);

/// <summary>A fraud case (Opened, Investigating, Confirmed or Dismissed; source Objection, Audit or Report).</summary>
public sealed record FraudCase(Guid Id, Guid ApplicationId, string UnitUscc, string UnitName, string Source, string? SourceReference, string Allegation,
    string Status, string OpenedBy, DateTimeOffset OpenedAt, string? Evidence, string? Finding, string? DecisionReference, string? DecidedBy, DateTimeOffset? DecidedAt);

/// <summary><c>POST /monitoring/reports/{id}/evaluation</c>: the grade (excellent, pass, fail) and the comments; the checks are the service's own.</summary>
public sealed record ReportEvaluation(string Grade, string? Comments);
