using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Zgc.ServiceDefaults.Metrics;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Lifecycle;

/// <summary>What operators alert on and chart (meter <c>Zgc.Workflows</c>).</summary>
internal static class LifecycleMetrics
{
    public const string MeterName = "Zgc.Workflows";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> WaitingAlerts { get; } =
        Meter.CreateCounter<long>("zgc.workflows.waiting_alerts", "{alert}", "Instances that waited in a state longer than its limit");

    public static Counter<long> Transitions { get; } =
        Meter.CreateCounter<long>("zgc.workflows.transitions", "{transition}", "Lifecycle state transitions");

    /// <summary><c>zgc.workflows.instances{state}</c>: lifecycle instances per state, counted in the database.</summary>
    public static IHostApplicationBuilder AddLifecycleGauges(this IHostApplicationBuilder builder) =>
        builder.AddDatabaseGauge<WorkflowsDbContext>(
            new(MeterName, "zgc.workflows.instances", "{instance}", "Lifecycle instances per state", "state"),
            (db, ct) => db.Instances.GroupBy(i => i.CurrentState).Select(g => new { g.Key, Count = (long)g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct));
}
