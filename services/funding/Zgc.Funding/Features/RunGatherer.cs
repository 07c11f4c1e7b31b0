using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

/// <summary>Runs waiting to be gathered; the endpoint that starts a run signals here after its commit.</summary>
internal sealed class RunGatheringQueue
{
    private readonly Channel<Guid> _runs = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid runId) => _runs.Writer.TryWrite(runId);

    public IAsyncEnumerable<Guid> ReadAll(CancellationToken cancellationToken) => _runs.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Gathers the due platform-years of started runs in the background, in batches, recording progress (gathered / total)
/// after each batch so that a long run can be watched. Runs left half-gathered by a stop are resumed on start.
/// A platform-year is gathered by one run only (its optimistic version token); a lost race just skips it.
/// </summary>
internal sealed partial class RunGatherer(IServiceScopeFactory scopes, RunGatheringQueue queue, IOptions<FundingOptions> options, TimeProvider clock,
    ILogger<RunGatherer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
            try
            {
                foreach (var id in await db.Runs.Where(r => r.Status == RunStatus.Gathering).Select(r => r.Id).ToListAsync(stoppingToken))
                {
                    queue.Enqueue(id);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may not be migrated yet on a first start; new runs still arrive through the queue.
                LogResumeFailed(logger, e);
            }
        }

        await foreach (var runId in queue.ReadAll(stoppingToken))
        {
            try
            {
                await Gather(runId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogGatherFailed(logger, runId, e);
            }
        }
    }

    internal async Task Gather(Guid runId, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.GatherBatchSize);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
            // Without its lines: a batch adds lines and the run counts them, so a batch costs the same at the end of a large
            // run as at its start.
            var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null || run.Status != RunStatus.Gathering)
            {
                return;
            }

            // A platform-year is payable in the fiscal year it became due, or any later one.
            var cutoff = BeijingTime.StartOfDay(new DateOnly(run.FiscalYear + 1, 1, 1));
            var due = db.FundingYears.Where(y => y.Status == FundingYearStatus.Due && y.OpenedAt < cutoff);
            if (run.TotalCount == 0 && run.LineCount == 0)
            {
                run.Expect(await due.CountAsync(cancellationToken));
            }

            var batch = await due.OrderBy(y => y.OpenedAt).ThenBy(y => y.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                run.FinishGathering(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            var agreementIds = batch.Select(y => y.AgreementId).Distinct().ToList();
            var agreements = await db.Agreements.Where(a => agreementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            foreach (var year in batch)
            {
                run.Gather(year, agreements[year.AgreementId]);
            }

            if (run.LineCount > run.TotalCount)
            {
                run.Expect(run.LineCount);
            }

            run.Progress(run.LineCount);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another run (or an award change) took one of these years first: nothing of this batch was saved; look again.
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not resume the runs that were gathering")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Gathering disbursement run {RunId} failed; it stays in Gathering until the service restarts")]
    private static partial void LogGatherFailed(ILogger logger, Guid runId, Exception exception);
}
