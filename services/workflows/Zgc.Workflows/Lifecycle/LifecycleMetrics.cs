using System.Diagnostics.Metrics;

namespace Zgc.Workflows.Lifecycle;

/// <summary>Counters operators alert on (meter <c>Zgc.Workflows</c>).</summary>
internal static class LifecycleMetrics
{
    private static readonly Meter Meter = new("Zgc.Workflows");

    public static Counter<long> WaitingAlerts { get; } =
        Meter.CreateCounter<long>("zgc.workflows.waiting_alerts", "{alert}", "Instances that waited in a state longer than its limit");

    public static Counter<long> Transitions { get; } =
        Meter.CreateCounter<long>("zgc.workflows.transitions", "{transition}", "Lifecycle state transitions");
}
