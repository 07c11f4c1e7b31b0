
namespace Zgc.Bench.Programme.Reporting;

/// <summary>
/// One measured figure of a scenario (e.g. "lifecycle / distributed / lifecycles per second"), with its latency percentiles
/// where it has them, the baseline it is compared with and the target.
/// </summary>
public sealed record Figure(string Scenario, string Variant, string Measure, double Value, string Unit)
{
    public LatencySummary? Latency { get; init; }

    public Baseline? Baseline { get; init; }

    public Target? Target { get; init; }

    public string? Note { get; init; }

    public double? Ratio => Baseline is { Value: > 0 } b ? Value / b.Value : null;
}

/// <summary>What a figure is compared with, measured in the same run (e.g. the bound implied by the raw broker loop).</summary>
public sealed record Baseline(string Name, double Value, string Unit);

/// <summary>The target for a figure, and whether it was met.</summary>
public sealed record Target(string Text, bool Met);

/// <summary>A curve for the chart: throughput (y) against concurrency (x).</summary>
public sealed record Series(string Name, string XLabel, string YLabel, IReadOnlyList<(double X, double Y)> Points);
