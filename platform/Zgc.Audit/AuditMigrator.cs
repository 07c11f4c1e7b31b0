using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zgc.Audit;

/// <summary>
/// Applies the audit table's migrations to the service's database when <c>Database:MigrateOnStartup</c> is on (the
/// service's own migrator ran just before and created the database). EF's migration lock serialises replicas.
/// </summary>
internal sealed class AuditMigrator(AuditLog log, ILogger<AuditMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = log.Store.Open();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} audit migration(s) for {Service}: {Migrations}", pending.Count, log.Service, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
