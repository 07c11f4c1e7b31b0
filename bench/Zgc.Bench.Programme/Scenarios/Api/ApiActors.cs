using System.Text.Json.Nodes;
using Zgc.Bench.Programme.Compositions;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Api;

/// <summary>
/// The people who call the APIs under load, each with the token of their role: applicants of several units, a sub-park
/// officer per sub-park, the committee officer, the public. One client per actor and service, so each keeps its connections.
/// </summary>
internal sealed class ApiActors : IDisposable
{
    /// <summary>The sub-parks the seeded applications go to (a few of the sixteen, so each officer's list is well filled).</summary>
    public static readonly string[] SubParks = ["haidian", "chaoyang", "fengtai", "changping"];

    private readonly Composition _composition;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ApiActors(Composition composition, int units)
    {
        _composition = composition;
        Units = [.. Enumerable.Range(0, units).Select(n => IntakePayloads.WithCheckCharacter($"91110108MA{n:D6}X"))];
    }

    /// <summary>The USCCs of the applicant units.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>The sub-park unit <paramref name="unit"/> applies in.</summary>
    public static string SubParkOf(int unit) => SubParks[unit % SubParks.Length];

    public HttpClient Applicant(string service, int unit) => Client(service, Roles.Applicant, unit: Units[unit]);

    public HttpClient Officer(string subPark) => Client("intake", Roles.SubParkOfficer, subPark: subPark);

    public HttpClient Committee(string service) => Client(service, Roles.CommitteeOfficer);

    public HttpClient Public(string service) => Client(service, null);

    /// <summary>The unit's registration body (a distinct name per unit, so searches and lists show several).</summary>
    public JsonObject UnitBody(int unit) => IntakePayloads.Unit($"北京示例科技有限公司{unit + 1}号");

    private HttpClient Client(string service, string? role, string? unit = null, string? subPark = null)
    {
        var key = $"{service}|{role}|{unit}|{subPark}";
        lock (_gate)
        {
            if (!_clients.TryGetValue(key, out var client))
            {
                client = _composition.Host.Client(service, role, unit, subPark);
                client.Timeout = TimeSpan.FromSeconds(60);
                _clients[key] = client;
            }

            return client;
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
