using Zgc.Monitoring.Domain.Reports;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Reports;

public sealed record TargetView(string Name, long Target, long Achieved, long AttainmentBasisPoints);

public sealed record InvestmentView(string Category, Money Total, Money SelfRaised, bool InSupportBase);

public sealed record IndicatorsView(
    Money RdExpenditure,
    Money Revenue,
    long? RdIntensityBasisPoints,
    int SmesDriven,
    Money DrivenSmeRevenue,
    int EnterprisesServed,
    int InventionPatentsFiled,
    int InventionPatentsGranted,
    int StandardsCreated,
    int MajorBreakthroughs,
    Money OutputValue,
    string Talent,
    string Events,
    IReadOnlyList<InvestmentView> Investments,
    Money TotalInvestment,
    Money SelfRaisedInvestment,
    Money SelfRaisedEligibleInvestment,
    IReadOnlyList<TargetView> Targets)
{
    public static IndicatorsView From(AnnualIndicators i) => new(i.RdExpenditure, i.Revenue, i.RdIntensityBasisPoints, i.SmesDriven, i.DrivenSmeRevenue,
        i.EnterprisesServed, i.InventionPatentsFiled, i.InventionPatentsGranted, i.StandardsCreated, i.MajorBreakthroughs, i.OutputValue, i.Talent, i.Events,
        [.. i.Investments.Select(l => new InvestmentView(l.Category, l.Total, l.SelfRaised, InvestmentCategories.InSupportBase(l.Category)))],
        i.TotalInvestment, i.SelfRaisedInvestment, i.SelfRaisedEligibleInvestment,
        [.. i.Targets.Select(t => new TargetView(t.Name, t.Target, t.Achieved, t.AttainmentBasisPoints))]);
}

public sealed record CheckView(string Code, string Rule, CheckOutcome Computed, string Detail, bool? OverriddenTo, string? OverrideReason, bool Holds)
{
    public static CheckView From(CheckResult c) => new(c.Code, c.Rule, c.Computed, c.Detail, c.OverriddenTo, c.OverrideReason, c.Holds);
}

public sealed record AnnualReportView(
    Guid Id,
    Guid ApplicationId,
    string UnitUscc,
    int ConstructionYear,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueOn,
    AnnualReportStatus Status,
    IndicatorsView? Indicators,
    DateTimeOffset OpenedAt,
    DateTimeOffset? SubmittedAt,
    bool SubmittedLate,
    DateTimeOffset? OverdueAt,
    string RemindersSent,
    Grade? Grade,
    string? Comments,
    Money? AcceptedSelfRaisedEligibleInvestment,
    IReadOnlyList<CheckView> Checks,
    string? EvaluatedBy,
    DateTimeOffset? EvaluatedAt,
    string? PlatformName = null)
{
    /// <summary>The report as the API shows it; <paramref name="platformName"/> where a list names each row's platform.</summary>
    public static AnnualReportView From(AnnualReport r, string? platformName = null) => new(r.Id, r.ApplicationId, r.UnitUscc, r.ConstructionYear, r.PeriodStart,
        r.PeriodEnd, r.DueOn, r.Status, r.Indicators is null ? null : IndicatorsView.From(r.Indicators), r.OpenedAt, r.SubmittedAt, r.SubmittedLate, r.OverdueAt,
        r.RemindersSent, r.Grade, r.Comments, r.AcceptedSelfRaisedEligibleInvestment, [.. r.Checks.Select(CheckView.From)], r.EvaluatedBy, r.EvaluatedAt,
        platformName);
}

/// <summary>What <c>GET /monitoring/reports</c> answers per row: <c>view=full</c>, the whole report (the default), or
/// <c>view=summary</c>, <see cref="AnnualReportSummaryView"/>; either spelled in any case.</summary>
internal static class ReportListViews
{
    public static bool IsSummary(string? view) => view switch
    {
        null => false,
        _ when view.Equals("full", StringComparison.OrdinalIgnoreCase) => false,
        _ when view.Equals("summary", StringComparison.OrdinalIgnoreCase) => true,
        _ => throw new RuleViolationException("view", "request-format", $"view is 'full' or 'summary' (got '{view}').",
            $"view 须为 full 或 summary（收到“{view}”）。"),
    };
}

/// <summary>
/// A report's row in a list with <c>view=summary</c>: when it is due, where it stands and how it was graded, without the
/// indicators and checks (those are on <c>GET /monitoring/reports/{id}</c>).
/// </summary>
public sealed record AnnualReportSummaryView(
    Guid Id,
    Guid ApplicationId,
    string UnitUscc,
    int ConstructionYear,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly DueOn,
    AnnualReportStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? SubmittedAt,
    bool SubmittedLate,
    DateTimeOffset? OverdueAt,
    Grade? Grade,
    string? EvaluatedBy,
    DateTimeOffset? EvaluatedAt,
    string? PlatformName);
