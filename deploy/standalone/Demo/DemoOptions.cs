namespace Zgc.Standalone.Demo;

/// <summary>
/// The <c>Demo</c> configuration section (<c>--seed-demo</c> and its companions set it): whether the standalone host seeds
/// a demonstration programme once it has started, from which seed, from which start date and how large.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo programme after start-up (<c>--seed-demo</c>).</summary>
    public bool Enabled { get; set; }

    /// <summary>The seed every name, code, amount and outcome is drawn from (<c>--demo-seed</c>).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>The Beijing date the programme starts (<c>--demo-start</c>); the simulated clock starts there at 09:00.</summary>
    public DateOnly Start { get; set; } = new(2024, 3, 1);

    /// <summary>How many lead units (and applications: at least one per stage) the programme has (<c>--demo-units</c>).</summary>
    public int Units { get; set; } = 40;

    /// <summary>
    /// The clock's speed once seeding is done (simulated seconds per real second). Seeding runs at real-time pace so that
    /// every step lands on the same simulated day whatever the machine's speed; <c>--simulate 1d</c> with
    /// <c>--seed-demo</c> sets this.
    /// </summary>
    public double? SpeedAfter { get; set; }

    /// <summary>Stop the host once seeding is done (exit code 0), e.g. to prepare a data folder (<c>--demo-exit</c>).</summary>
    public bool ExitWhenDone { get; set; }

    /// <summary>How long to wait for one asynchronous effect (a message handled, a state reached) before giving up.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
