namespace Zgc.Console.Api;

/// <summary>A row of <c>GET /workflows/counts</c>.</summary>
public sealed record StateCount(string State, int Count);

/// <summary>A timer of an instance not yet fired, as <c>GET /workflows/instances/{id}</c> lists it.</summary>
public sealed record InstanceTimer(string MessageType, DateTimeOffset DueTime, TimeSpan DueIn);

/// <summary>Where an instance stands on each stage's figures (<c>progress</c> of the instance detail).</summary>
public sealed record LifecycleProgress(
    int ApplicationVersion, int Returns, string? SubArea, long TotalInvestmentFen, long SupportBaseFen, int? SubParkRanking,
    bool? ExpertSupported, decimal? ExpertTrimmedMean, int MeetingDeferrals, string? MajorDecisionReference, string? RejectedAtStage,
    Guid? AgreementId, DateOnly? ConstructionStartsOn, int ConstructionYear, bool CurrentYearFunded, long PaidFen,
    int? LastEvaluatedYear, bool? LastEvaluationPassed);

/// <summary>A pending timer of one service (<c>GET /{service}/timers</c>).</summary>
public sealed record PendingTimer(Guid TokenId, Guid MessageId, string MessageType, Guid? CorrelationId, DateTimeOffset DueTime, DateTimeOffset CreatedAt);

/// <summary>A pending timer with the service that holds it, for the dashboard's "deadlines coming".</summary>
public sealed record ServiceTimer(string Service, PendingTimer Timer);

/// <summary>A faulted message as <c>GET /workflows/incidents</c> lists it.</summary>
public sealed record FaultSummary(Guid Id, Guid? MessageId, string Endpoint, string MessageType, string ExceptionType, string ExceptionMessage);

/// <summary>One service's faulted messages, or why they could not be had.</summary>
public sealed record ServiceFaults(string Service, string Address, bool Reachable, string? Error, IReadOnlyList<FaultSummary> Faults);

/// <summary><c>GET /workflows/incidents</c>: faults per service and instances waiting longer than <see cref="StalledAfter"/>.</summary>
public sealed record Incidents(IReadOnlyList<ServiceFaults> Services, IReadOnlyList<LifecycleInstance> Stalled, TimeSpan StalledAfter);

/// <summary>A row of <c>GET /funding/reports/totals</c>.</summary>
public sealed record FundingTotalsRow(string Key, string? Label, long AwardedFen, long PaidFen, long ClawedBackFen, long RecoveredFen, long OutstandingFen);

public sealed record FundingTotals(string By, List<FundingTotalsRow> Rows, FundingTotalsRow Total);

/// <summary>A row of <c>GET /monitoring/attainment</c>: one platform's construction year.</summary>
public sealed record Attainment(Guid ApplicationId, string PlatformName, string UnitName, int ConstructionYear, string Status, string? Grade,
    int ChecksHolding, int ChecksTotal, long? AverageTargetAttainmentBasisPoints);

/// <summary>One bar of a chart: its label, its value, and the text shown at its end.</summary>
public sealed record ChartBar(string Label, double Value, string Text);

/// <summary><c>GET /notice/calendar/years</c>: the years with an arrangement, and warnings (e.g. next year missing).</summary>
public sealed record CalendarOverview(IReadOnlyList<int> Years, IReadOnlyList<string> Warnings);

/// <summary>A day of a holiday arrangement: a day off (holiday) or a make-up working day.</summary>
public sealed record CalendarDayInput(DateOnly Date, bool IsOffDay, string? Name);

/// <summary>The body of <c>PUT /notice/calendar/years/{year}</c>: the State Council notices and the days.</summary>
public sealed record CalendarYearInput(List<string> Papers, List<CalendarDayInput> Days);

public sealed record CalendarYearStored(int Year, int Days, IReadOnlyList<string> Warnings);

/// <summary>A policy version (<c>GET /workflows/policies</c>).</summary>
public sealed record PolicyVersion(string Version, string Title, DateOnly EffectiveFrom, bool InForceToday, int SupportRatioPercent,
    long StandardAnnualCeilingFen, long EspeciallyMajorAnnualCeilingFen, int ConstructionYears, int NoticeWorkingDays, int AnnualReportDueDays,
    string Source, int Instances);
