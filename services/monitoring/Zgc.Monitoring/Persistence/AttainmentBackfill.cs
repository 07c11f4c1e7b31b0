using Microsoft.EntityFrameworkCore;

namespace Zgc.Monitoring.Persistence;

/// <summary>
/// At start-up, after the migrations: fills the stored average attainment of reports saved before it was kept (the
/// migration adds the column empty), a batch at a time, so that the dashboard's ranking sees every reported year. Reports
/// whose indicators have no targets keep no average and are looked at again on each start; there are few, if any.
/// </summary>
internal sealed partial class AttainmentBackfill(IServiceProvider services, ILogger<AttainmentBackfill> logger) : IHostedService
{
    private const int BatchSize = 200;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var filled = await Run(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>(), cancellationToken);
            if (filled > 0)
            {
                LogFilled(logger, filled);
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException)
        {
            // E.g. migrations applied by hand and not yet run: the service still starts; the next start tries again, and
            // until then the reports concerned are left out of the ranking only.
            LogFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Fills every missing average; returns how many reports it filled.</summary>
    internal static async Task<int> Run(MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var filled = 0;
        var after = Guid.Empty;
        while (true)
        {
            // Keyset over the id, so reports without targets (no average to fill) are passed once, not read forever.
            var batch = await Missing(db, after).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return filled;
            }

            filled += batch.Count(r => r.RecordAverageAttainment());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }

    /// <summary>The next batch of reports with indicators and no stored average, after <paramref name="after"/> in id order.</summary>
    internal static IQueryable<Domain.Reports.AnnualReport> Missing(MonitoringDbContext db, Guid after) =>
        db.AnnualReports.Where(r => r.AverageTargetAttainmentBasisPoints == null && r.Indicators != null && r.Id.CompareTo(after) > 0)
            .OrderBy(r => r.Id).Take(BatchSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the average target attainment of {Count} annual reports saved before it was kept.")]
    private static partial void LogFilled(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the average target attainment of older annual reports; the next start tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
