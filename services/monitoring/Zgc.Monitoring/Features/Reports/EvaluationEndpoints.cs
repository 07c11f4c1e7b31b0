using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Reports;

/// <summary>
/// The annual evaluation (R-A14-EVAL): the computed Art. 8 checks, then the monitoring officer's grade, comments and
/// overrides (each with a reason) → <see cref="AnnualEvaluationCompleted"/>, which gates the next year's funding.
/// </summary>
internal static class EvaluationEndpoints
{
    public sealed record OverrideRequest(string? Check, bool Holds, string? Reason);

    /// <summary>
    /// The officer's decision: <c>Grade</c> excellent, pass or fail; comments; overrides of computed checks, each with a
    /// reason; <c>AcceptedSelfRaisedEligibleInvestment</c> in fen (null accepts the reported self-raised investment in the
    /// support-base categories).
    /// </summary>
    public sealed record EvaluationRequest(string? Grade, string? Comments, IReadOnlyList<OverrideRequest>? Overrides, Money? AcceptedSelfRaisedEligibleInvestment);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/reports/{id:guid}/checks", Preview).RequireOperators().WithName("PreviewEvaluationChecks");
        group.MapPost("/reports/{id:guid}/evaluation", Evaluate).RequireRoles(Roles.MonitoringOfficer).WithName("EvaluateAnnualReport");
    }

    private static async Task<IResult> Preview(Guid id, MonitoringDbContext db, IOptions<MonitoringOptions> options, CancellationToken cancellationToken)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return Access.NotFound("annual report");
        }

        if (report.Indicators is null)
        {
            throw Rules409(report);
        }

        var checks = await Compute(report, db, options.Value, cancellationToken);
        return TypedResults.Ok(checks.Select(CheckView.From).ToList());
    }

    private static async Task<IResult> Evaluate(Guid id, EvaluationRequest request, ClaimsPrincipal user, MonitoringDbContext db,
        IOutbox<MonitoringDbContext> outbox, IOptions<MonitoringOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var report = await db.Report(id, cancellationToken);
        if (report is null)
        {
            return Access.NotFound("annual report");
        }

        if (report.Status != AnnualReportStatus.Submitted || report.Indicators is null)
        {
            throw Rules409(report);
        }

        var grade = ParseGrade(request.Grade);
        var checks = AnnualChecks.Override(await Compute(report, db, options.Value, cancellationToken),
            [.. (request.Overrides ?? []).Select(o => (o.Check ?? "", o.Holds, o.Reason))]);
        var accepted = request.AcceptedSelfRaisedEligibleInvestment ?? report.Indicators.SelfRaisedEligibleInvestment;
        var now = clock.GetUtcNow();
        report.Evaluate(grade, request.Comments, accepted, checks, user.UserId(), now);

        var gradeCode = GradeCode(grade);
        db.History.Add(PlatformEvent.Of(report.ApplicationId, PlatformEventKind.Evaluated,
            $"Construction year {report.ConstructionYear} evaluated: {gradeCode}.", user.UserId(), now, report.Id));
        await outbox.Publish(new AnnualEvaluationCompleted(report.ApplicationId, report.ConstructionYear, report.Passed, accepted.Fen, report.Comments,
            user.UserId(), now, gradeCode), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AnnualReportView.From(report));
    }

    /// <summary>
    /// The inputs of the checks: the ZGC average of the calendar year in which the report's period ends; the previous
    /// construction year's submitted report; the earliest earlier submitted report as the base of the average growth.
    /// </summary>
    internal static async Task<IReadOnlyList<CheckResult>> Compute(AnnualReport report, MonitoringDbContext db, MonitoringOptions options,
        CancellationToken cancellationToken)
    {
        var figure = await db.ReferenceFigure(report.PeriodEnd.Year, cancellationToken);
        var earlier = await db.SubmittedBefore(report.ApplicationId, report.ConstructionYear, cancellationToken);
        var previous = earlier.SingleOrDefault(r => r.ConstructionYear == report.ConstructionYear - 1)?.Indicators;
        var first = earlier.FirstOrDefault(r => r.Indicators is not null);
        var inputs = new CheckInputs(report.ConstructionYear, report.Indicators!, figure?.AverageRdIntensityBasisPoints, previous,
            first is null ? null : (first.ConstructionYear, first.Indicators!), options.ConstructionYears);
        return AnnualChecks.Compute(inputs);
    }

    public static string GradeCode(Grade grade) => grade switch
    {
        Grade.Excellent => "excellent",
        Grade.Pass => "pass",
        _ => "fail",
    };

    private static Grade ParseGrade(string? grade) => grade?.Trim().ToUpperInvariant() switch
    {
        "EXCELLENT" => Grade.Excellent,
        "PASS" => Grade.Pass,
        "FAIL" => Grade.Fail,
        _ => throw new RuleViolationException("grade", AnnualReport.EvaluationRule, "The grade is excellent, pass or fail.", "评估等次须为优秀、合格或不合格。"),
    };

    private static RuleViolationException Rules409(AnnualReport report) => new(null, AnnualReport.EvaluationRule,
        $"Only a submitted report can be evaluated (current status: {report.Status}).", $"只有已提交的报告可以考核评估（当前状态：{report.Status}）。",
        RuleViolationException.ConflictStatus);
}
