using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Monitoring.Features.Reports;

/// <summary>The unit drafts and submits its annual report (R-A14-ANNUAL); operators and the unit read it.</summary>
internal static class AnnualReportEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/reports", List).RequireRoles([.. Roles.Operators, Roles.Applicant]).WithName("ListAnnualReports");
        group.MapGet("/reports/{id:guid}", Get).RequireRoles([.. Roles.Operators, Roles.Applicant]).WithName("GetAnnualReport");
        group.MapPut("/reports/{id:guid}/draft", SaveDraft).RequireRoles(Roles.Applicant).WithName("SaveAnnualReportDraft");
        group.MapPost("/reports/{id:guid}/submit", Submit).RequireRoles(Roles.Applicant).WithName("SubmitAnnualReport");
    }

    /// <summary>
    /// Operators see all reports (filter by year, status, platform); an applicant only its unit's. Earliest due first, a
    /// page at a time (<see cref="ListPage"/>): one report per platform a
    /// year, so a list of every report grows with the programme. Each row carries its platform's name. With
    /// <c>view=summary</c> a row leaves out the indicators and checks (each report's two documents), which a list of
    /// hundreds does not show: the database then does not read them at all.
    /// </summary>
    private static async Task<IResult> List(int? year, AnnualReportStatus? status, Guid? applicationId, int? page, int? pageSize, string? view,
        ClaimsPrincipal user, MonitoringDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var slice = ListPage.Of(page, pageSize);
        var summary = ReportListViews.IsSummary(view);
        var query = db.AnnualReports.AsNoTracking();
        if (!Access.IsOperator(user))
        {
            var unit = user.UnitCode() ?? "";
            query = query.Where(r => r.UnitUscc == unit);
        }

        if (year is { } y)
        {
            query = query.Where(r => r.ConstructionYear == y);
        }

        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (applicationId is { } a)
        {
            query = query.Where(r => r.ApplicationId == a);
        }

        ListPage.WriteTotal(response, await query.CountAsync(cancellationToken));
        var ordered = query.OrderBy(r => r.DueOn).ThenBy(r => r.ApplicationId).ThenBy(r => r.ConstructionYear).Skip(slice.Skip).Take(slice.Take);
        if (summary)
        {
            return TypedResults.Ok(await ordered.Select(r => new AnnualReportSummaryView(r.Id, r.ApplicationId, r.UnitUscc, r.ConstructionYear, r.PeriodStart,
                    r.PeriodEnd, r.DueOn, r.Status, r.OpenedAt, r.SubmittedAt, r.SubmittedLate, r.OverdueAt, r.Grade, r.EvaluatedBy, r.EvaluatedAt,
                    db.Platforms.Where(p => p.ApplicationId == r.ApplicationId).Select(p => p.PlatformName).FirstOrDefault()))
                .ToListAsync(cancellationToken));
        }

        var rows = await ordered
            .Select(r => new { Report = r, Name = db.Platforms.Where(p => p.ApplicationId == r.ApplicationId).Select(p => p.PlatformName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => AnnualReportView.From(r.Report, r.Name)).ToList());
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is null || !Access.MaySee(user, report.UnitUscc) ? Access.NotFound("annual report") : TypedResults.Ok(AnnualReportView.From(report));
    }

    private static async Task<IResult> SaveDraft(Guid id, IndicatorsRequest request, ClaimsPrincipal user, MonitoringDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var report = await db.Report(id, cancellationToken);
        if (report is null || !Access.MaySee(user, report.UnitUscc))
        {
            return Access.NotFound("annual report");
        }

        report.SaveDraft(request.ToDomain(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AnnualReportView.From(report));
    }

    private static async Task<IResult> Submit(Guid id, ClaimsPrincipal user, MonitoringDbContext db, IOutbox<MonitoringDbContext> outbox, TimeProvider clock,
        IOptions<MonitoringOptions> options, CancellationToken cancellationToken)
    {
        var report = await db.Report(id, cancellationToken);
        if (report is null || !Access.MaySee(user, report.UnitUscc))
        {
            return Access.NotFound("annual report");
        }

        var now = clock.GetUtcNow();
        report.Submit(user.UserId(), now);
        db.History.Add(PlatformEvent.Of(report.ApplicationId, PlatformEventKind.ReportSubmitted,
            $"Annual report of construction year {report.ConstructionYear} submitted{(report.SubmittedLate ? " late" : "")}.", user.UserId(), now, report.Id));
        await outbox.Publish(new AnnualReportSubmitted(report.ApplicationId, report.Id, report.ConstructionYear, report.SubmittedLate, now), cancellationToken);
        // Its reminders and due timer can change nothing now; cancelled in the same transaction as the submission.
        await outbox.Cancel(ReportTimers.All(report.Id, options.Value), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AnnualReportView.From(report));
    }
}
