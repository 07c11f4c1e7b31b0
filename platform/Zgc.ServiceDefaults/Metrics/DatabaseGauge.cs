using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zgc.ServiceDefaults.Metrics;

/// <summary>
/// A business figure that lives in a service's database (instances per state, notices open) published as an
/// OpenTelemetry gauge. Counting on every scrape would put the metrics pipeline on the database's critical path, so a
/// background sampler counts every <c>Metrics:SampleInterval</c> (default 15 s) and the gauge reports the latest count.
/// </summary>
/// <param name="Meter">Meter name, <c>Zgc.&lt;Service&gt;</c> (exported with every <c>Zgc.*</c> meter).</param>
/// <param name="Name">Instrument name, e.g. <c>zgc.workflows.instances</c>.</param>
/// <param name="Unit">UCUM unit, e.g. <c>{instance}</c>.</param>
/// <param name="Description">What operators read on the dashboard.</param>
/// <param name="Tag">The tag that tells the counts apart (e.g. <c>state</c>).</param>
public sealed record DatabaseGaugeDefinition(string Meter, string Name, string Unit, string Description, string Tag);

public static class DatabaseGauges
{
    // Per gauge, the latest counts of each sampler: one per process in a deployment, several when tests host a service twice.
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Dictionary<string, long>>> Latest = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Meter> Meters = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Created = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers the gauge and its sampler. <paramref name="sample"/> returns a count per tag value; a tag value that
    /// disappears from the result is reported as zero from then on, so a state emptied shows 0 rather than its last count.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseGauge<TDb>(this IHostApplicationBuilder builder, DatabaseGaugeDefinition gauge,
        Func<TDb, CancellationToken, Task<Dictionary<string, long>>> sample)
        where TDb : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gauge);
        var interval = builder.Configuration.GetValue("Metrics:SampleInterval", TimeSpan.FromSeconds(15));
        Create(gauge);
        builder.Services.AddSingleton<IHostedService>(sp => new DatabaseGaugeSampler<TDb>(gauge, sample, interval,
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ILogger<DatabaseGaugeSampler<TDb>>>()));
        return builder;
    }

    /// <summary>The latest counts of a gauge, one set per sampler (for tests).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, long>> Current(string name) =>
        Latest.TryGetValue(name, out var samplers) ? [.. samplers.Values] : [];

    internal static void Record(string name, Guid sampler, Dictionary<string, long> counts)
    {
        var samplers = Latest.GetOrAdd(name, _ => new ConcurrentDictionary<Guid, Dictionary<string, long>>());
        // Keep every tag value seen so far, at zero when it is no longer counted.
        if (samplers.TryGetValue(sampler, out var previous))
        {
            foreach (var key in previous.Keys.Where(k => !counts.ContainsKey(k)))
            {
                counts[key] = 0;
            }
        }

        samplers[sampler] = counts;
    }

    internal static void Forget(string name, Guid sampler)
    {
        if (Latest.TryGetValue(name, out var samplers))
        {
            samplers.TryRemove(sampler, out _);
        }
    }

    private static void Create(DatabaseGaugeDefinition gauge)
    {
        if (!Created.TryAdd(gauge.Name, true))
        {
            return; // a second host in the same process (tests) reuses the instrument
        }

        var meter = Meters.GetOrAdd(gauge.Meter, name => new Meter(name));
        meter.CreateObservableGauge(gauge.Name, () => Current(gauge.Name).SelectMany(counts => counts)
            .Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>(gauge.Tag, kv.Key))), gauge.Unit, gauge.Description);
    }
}

/// <summary>Counts one gauge's figures in the background; a failed count is logged and retried at the next interval.</summary>
internal sealed partial class DatabaseGaugeSampler<TDb>(
    DatabaseGaugeDefinition gauge,
    Func<TDb, CancellationToken, Task<Dictionary<string, long>>> sample,
    TimeSpan interval,
    IServiceScopeFactory scopes,
    ILogger<DatabaseGaugeSampler<TDb>> logger) : BackgroundService
    where TDb : DbContext
{
    private readonly Guid _id = Guid.NewGuid();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        DatabaseGauges.Forget(gauge.Name, _id);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(15));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDb>();
                DatabaseGauges.Record(gauge.Name, _id, await sample(db, stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be migrating or briefly away; metrics must never stop the service.
                LogSampleFailed(logger, gauge.Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not sample the gauge {Gauge}")]
    private static partial void LogSampleFailed(ILogger logger, string gauge, Exception exception);
}
