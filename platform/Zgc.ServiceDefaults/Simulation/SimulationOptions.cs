namespace Zgc.ServiceDefaults.Simulation;

/// <summary>
/// The <c>Simulation</c> configuration section: a clock that runs faster than real time and can be moved forward, so
/// that notice periods close, reporting windows open and three programme years pass in minutes (training, demos,
/// end-to-end tests across processes). Refused in the Production environment.
/// </summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    public bool Enabled { get; set; }

    /// <summary>The simulated instant at <see cref="Anchor"/> (default: the real time at start-up).</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>
    /// The real instant that <see cref="Start"/> corresponds to (default: start-up). Give every process of a distributed
    /// run the same anchor and start so that their clocks agree.
    /// </summary>
    public DateTimeOffset? Anchor { get; set; }

    /// <summary>Simulated seconds per real second (default 1; 86400 is one day per second).</summary>
    public double Speed { get; set; } = 1;
}
