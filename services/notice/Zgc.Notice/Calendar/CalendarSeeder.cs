using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Calendar;

/// <summary>
/// Seeds the working-day calendar on start-up (after the migrations, which are registered earlier). Several replicas
/// may race: a losing replica's insert conflicts on the year's key and it simply finds the year there.
/// </summary>
internal sealed partial class CalendarSeeder(IServiceProvider services, TimeProvider clock, ILogger<CalendarSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NoticeDbContext>();
            var added = await CalendarStore.Seed(db, clock.GetUtcNow(), cancellationToken);
            if (added > 0)
            {
                LogSeeded(logger, added);
            }
        }
        catch (DbUpdateException ex)
        {
            LogSeedRace(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Working-day calendar: seeded {Count} year(s) of holiday arrangements")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(LogLevel.Information, "Working-day calendar: another replica seeded it first")]
    private static partial void LogSeedRace(ILogger logger, Exception exception);
}
