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
