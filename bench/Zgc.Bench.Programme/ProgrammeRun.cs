using Zgc.Bench.Programme.Reporting;

namespace Zgc.Bench.Programme;

/// <summary>What every scenario of one run shares: the options, the report it adds figures to, and a prefix for its databases.</summary>
public sealed class ProgrammeRun(ProgrammeOptions options, ProgrammeReport report, BenchOptions benchOptions)
{
    /// <summary>Monday 2 March 2026, 09:00 in Beijing: where every simulated clock of the run starts.</summary>
    public static readonly DateTimeOffset ProgrammeStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public ProgrammeOptions Options => options;

    public ProgrammeReport Report => report;

    /// <summary>The messaging bench's options (connection strings, quick sizes) for the baselines it measures.</summary>
    public BenchOptions BenchOptions => benchOptions;

    /// <summary>A prefix for this run's PostgreSQL databases (lower case letters, digits and underscores).</summary>
    public string DatabasePrefix { get; } = "zgc_bp_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A fresh database name prefix for one scenario step (e.g. <c>zgc_bp_1a2b3c4d_lc2</c>).</summary>
    public string Databases(string step) => $"{DatabasePrefix}_{step}";
}
