using Zgc.Monitoring.Domain.Reports;
using Zgc.Persistence;

namespace Zgc.Monitoring.Persistence;

/// <summary>
/// The annual report by id, read (tracked) by every draft, submission and evaluation and by the report's timers, compiled
/// once per model (<see cref="ModelCompiledQuery{TContext, TParameter, TResult}"/>; docs/performance.md, fix 40).
/// </summary>
internal static class MonitoringLookups
{
    private static readonly ModelCompiledQuery<MonitoringDbContext, Guid, AnnualReport?> ReportQuery =
        new((db, id, _) => db.AnnualReports.SingleOrDefault(r => r.Id == id));

    /// <summary>The annual report, tracked, or null.</summary>
    public static Task<AnnualReport?> Report(this MonitoringDbContext db, Guid id, CancellationToken cancellationToken) =>
        ReportQuery.Run(db, id, cancellationToken);
}
