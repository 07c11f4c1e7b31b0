using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;

namespace Zgc.Testing;

/// <summary>
/// The programme as six service processes, each on its own simulated clock (<c>Simulation__Enabled</c>) started at the same
/// instant and anchor, so they agree; moving time means moving every process's clock by the same amount. The standalone
/// composition is the same with every service at one address (its one clock is moved once).
/// </summary>
public sealed class ProcessesProgrammeHost(IReadOnlyDictionary<string, Uri> services) : IProgrammeHost
{
    public HttpClient Client(string service, string? role, string? unit = null, string? subPark = null, string? user = null) =>
        StandaloneTokens.Client(services[service], role, unit, subPark, user);

    public async Task<DateTimeOffset> Now()
    {
        using var client = Client("workflows", null);
        var clock = await client.GetFromJsonAsync<JsonElement>(new Uri("/simulation/clock", UriKind.Relative));
        return clock.GetProperty("now").GetDateTimeOffset();
    }

    public async Task Advance(TimeSpan by)
    {
        await Task.WhenAll(services.Values.Distinct().Select(async address =>
        {
            using var admin = StandaloneTokens.Client(address, Roles.Admin);
            using var response = await admin.PostAsJsonAsync(new Uri("/simulation/clock", UriKind.Relative), new { advanceBy = by });
            await LifecycleDriver.Ensure(response);
        }));
    }
}
