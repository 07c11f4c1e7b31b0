using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Intake.Persistence;

namespace Zgc.Intake.Features;

/// <summary>
/// Forgets stored <c>Idempotency-Key</c> answers older than <see cref="IntakeOptions.IdempotencyRetention"/> (default
/// 24 hours): long enough for any client's retries, short enough that the table does not grow with every request
/// ever made. A key used again after that is a new request. Runs every <see cref="IntakeOptions.IdempotencyCleanupInterval"/>;
/// with several replicas each deletes the same old rows, which is harmless.
/// </summary>
internal sealed partial class IdempotencyCleanup(IServiceScopeFactory scopes, IOptions<IntakeOptions> options, TimeProvider clock,
    ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits one interval: at start-up the database may still be migrating, and an answer kept one
        // interval longer harms nobody.
        using var timer = new PeriodicTimer(options.Value.IdempotencyCleanupInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var removed = await RemoveExpired(stoppingToken);
                if (removed > 0)
                {
                    LogRemoved(logger, removed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex); // retried at the next interval; an old answer kept a little longer harms nobody
            }
        }
    }

    /// <summary>Deletes the answers stored before now − retention; returns how many.</summary>
    public async Task<int> RemoveExpired(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.IdempotencyRetention;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} expired Idempotency-Key answers")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove expired Idempotency-Key answers")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
