using System.Globalization;
using Zgc.ServiceDefaults.Simulation;
using Zgc.Testing;

namespace Zgc.Standalone.Tests.EndToEnd;

/// <summary>
/// The standalone composition on its own simulated clock (<c>Simulation:Enabled</c>, as <c>--simulate</c> sets it), not a
/// test double: the clock runs at real pace from <paramref name="start"/> and the test jumps it forward the way the
/// admin's <c>POST /simulation/clock</c> does.
/// </summary>
public sealed class SimulatedStandaloneApp(DateTimeOffset start) : ServiceAppFactory<Program>, IProgrammeHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulation:Enabled"] = "true",
        ["Simulation:Start"] = start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["Simulation:Speed"] = "1",
    };

    public SimulationClock Clock => (SimulationClock)Services.GetService(typeof(SimulationClock))!;

    public HttpClient Client(string service, string? role, string? unit = null, string? subPark = null, string? user = null) =>
        DriverClientFor(role, unit, subPark, user);

    public Task<DateTimeOffset> Now() => Task.FromResult(Clock.GetUtcNow());

    public Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        return Task.CompletedTask;
    }
}
