namespace Zgc.Console.Api;

// The applicant's annual report and major matters as the monitoring service sends them (JSON web defaults, enums as
// strings). Money is whole fen on the wire, both ways.

/// <summary>One annual report (<c>GET /monitoring/reports/{id}</c>) with the indicators saved so far, if any.</summary>
public sealed record MyReportDetail(Guid Id, Guid ApplicationId, string UnitUscc, int ConstructionYear, DateOnly PeriodStart, DateOnly PeriodEnd,
    DateOnly DueOn, string Status, MyReportIndicators? Indicators, DateTimeOffset OpenedAt, DateTimeOffset? SubmittedAt, bool SubmittedLate,
    DateTimeOffset? OverdueAt, string? Grade, string? Comments);

/// <summary>The indicators as saved (with the service's derived R&amp;D intensity in basis points).</summary>
public sealed record MyReportIndicators(long RdExpenditure, long Revenue, long? RdIntensityBasisPoints, int SmesDriven, long DrivenSmeRevenue,
    int EnterprisesServed, int InventionPatentsFiled, int InventionPatentsGranted, int StandardsCreated, int MajorBreakthroughs, long OutputValue,
    string Talent, string Events, List<MyReportInvestment> Investments, List<MyReportTarget> Targets);

/// <summary>The year's investment in one cost category and its self-raised part (fen).</summary>
public sealed record MyReportInvestment(string Category, long Total, long SelfRaised);

/// <summary>An agreement target and what was achieved by the end of the year.</summary>
public sealed record MyReportTarget(string Name, long Target, long Achieved);

/// <summary>The body of <c>PUT /monitoring/reports/{id}/draft</c>: every figure is required (0 when nothing to report).</summary>
public sealed record MyReportDraft(long RdExpenditure, long Revenue, int SmesDriven, long DrivenSmeRevenue, int EnterprisesServed,
    int InventionPatentsFiled, int InventionPatentsGranted, int StandardsCreated, int MajorBreakthroughs, long OutputValue, string Talent, string Events,
    List<MyReportInvestment> Investments, List<MyReportTarget> Targets);

/// <summary>A major matter of a platform (R-A14-MAJOR) as reported by the unit and, later, acknowledged by monitoring.</summary>
public sealed record MyMajorMatter(Guid Id, Guid ApplicationId, string Kind, string Title, string Details, DateOnly OccurredOn, string? NewPrincipal,
    string? Attachments, string Status, string ReportedBy, DateTimeOffset ReportedAt, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? Comment);

/// <summary>The body of <c>POST /monitoring/platforms/{applicationId}/major-matters</c>.</summary>
public sealed record MyMajorMatterRequest(string? Kind, string? Title, string? Details, DateOnly? OccurredOn, string? NewPrincipal, string? Attachments);
