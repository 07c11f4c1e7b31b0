using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zgc.Persistence;

/// <summary>
/// Applies pending migrations before the service starts taking messages. Registered before the bus,
/// so consumers never meet a missing table. Several replicas may start at once: EF's migration lock
/// serialises them.
/// </summary>
internal sealed class DatabaseMigrator<TDb>(IServiceProvider services, ILogger<DatabaseMigrator<TDb>> logger) : IHostedService
    where TDb : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {Context}: {Migrations}", pending.Count, typeof(TDb).Name, string.Join(", ", pending));
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
