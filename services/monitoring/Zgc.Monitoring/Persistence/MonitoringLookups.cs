using Microsoft.EntityFrameworkCore;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Persistence;

namespace Zgc.Monitoring.Persistence;

/// <summary>
/// The lookups every platform's reporting years take, compiled once per model
/// (<see cref="ModelCompiledQuery{TContext, TParameter, TResult}"/>; docs/performance.md, fixes 40 and 47): the annual report by
/// id, read (tracked) by every draft, submission and evaluation and by the report's timers; the window's "already open?"
/// check and the platform record when a window opens; the reference figure and earlier reports an evaluation's checks read.
/// </summary>
internal static class MonitoringLookups
{
    private static readonly ModelCompiledQuery<MonitoringDbContext, Guid, AnnualReport?> ReportQuery =
        new((db, id, _) => db.AnnualReports.SingleOrDefault(r => r.Id == id));

    private static readonly ModelCompiledQuery<MonitoringDbContext, Guid, int, bool> ReportExistsQuery =
        new((db, applicationId, year, _) => db.AnnualReports.Any(r => r.ApplicationId == applicationId && r.ConstructionYear == year));

    private static readonly ModelCompiledQuery<MonitoringDbContext, Guid, MonitoredPlatform?> PlatformQuery =
        new((db, applicationId, _) => db.Platforms.SingleOrDefault(p => p.ApplicationId == applicationId));

    private static readonly ModelCompiledQuery<MonitoringDbContext, int, ReferenceFigure?> FigureQuery =
        new((db, year, _) => db.ReferenceFigures.AsNoTracking().SingleOrDefault(f => f.Year == year));

    private static readonly ModelCompiledListQuery<MonitoringDbContext, Guid, int, AnnualReport> SubmittedBeforeQuery =
        new((db, applicationId, year) => db.AnnualReports.AsNoTracking()
            .Where(r => r.ApplicationId == applicationId && r.ConstructionYear < year
                && (r.Status == AnnualReportStatus.Submitted || r.Status == AnnualReportStatus.Evaluated))
            .OrderBy(r => r.ConstructionYear));

    /// <summary>The annual report, tracked, or null.</summary>
    public static Task<AnnualReport?> Report(this MonitoringDbContext db, Guid id, CancellationToken cancellationToken) =>
        ReportQuery.Run(db, id, cancellationToken);

    /// <summary>Whether the reporting window of an application's construction year is open (or was).</summary>
    public static Task<bool> HasReport(this MonitoringDbContext db, Guid applicationId, int constructionYear, CancellationToken cancellationToken) =>
        ReportExistsQuery.Run(db, applicationId, constructionYear, cancellationToken);

    /// <summary>The monitored platform of an application, tracked, or null.</summary>
    public static Task<MonitoredPlatform?> Platform(this MonitoringDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        PlatformQuery.Run(db, applicationId, cancellationToken);

    /// <summary>The reference figure of a calendar year, untracked, or null.</summary>
    public static Task<ReferenceFigure?> ReferenceFigure(this MonitoringDbContext db, int year, CancellationToken cancellationToken) =>
        FigureQuery.Run(db, year, cancellationToken);

    /// <summary>An application's submitted or evaluated reports of the construction years before <paramref name="constructionYear"/>, oldest first, untracked.</summary>
    public static Task<List<AnnualReport>> SubmittedBefore(this MonitoringDbContext db, Guid applicationId, int constructionYear,
        CancellationToken cancellationToken) =>
        SubmittedBeforeQuery.Run(db, applicationId, constructionYear, cancellationToken);
}
