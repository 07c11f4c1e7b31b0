using System.Text.Json;
using System.Text.RegularExpressions;

namespace Zgc.Deploy.Tests;

/// <summary>
/// The Grafana dashboard (deploy/grafana) charts only metrics the code really emits, and compose provisions it. A metric
/// renamed in code without the dashboard would leave an empty panel nobody notices until an incident.
/// </summary>
public sealed partial class GrafanaDashboardTests
{
    private static JsonElement Dashboard() =>
        JsonDocument.Parse(File.ReadAllText(Repo.PathOf("deploy", "grafana", "dashboards", "zgc-programme.json"))).RootElement;

    [Fact]
    public void Every_zgc_series_on_the_dashboard_is_an_instrument_in_the_code()
    {
        var code = string.Join('\n', new[] { "platform", "services" }
            .SelectMany(folder => Directory.EnumerateFiles(Repo.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var panels = Dashboard().GetProperty("panels").EnumerateArray().ToList();
        Assert.True(panels.Count >= 8, "the dashboard has the business panels");

        var series = panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!)
            .SelectMany(e => ZgcSeries().Matches(e).Select(m => m.Value)).Distinct().ToList();
        Assert.Contains("zgc_workflows_instances", series);
        Assert.Contains("zgc_notice_open", series);
        Assert.Contains("zgc_funding_disbursed_fen", series);
        // Prometheus naming of an OpenTelemetry instrument: dots become underscores, counters gain _total, units a suffix.
        var instruments = Instrument().Matches(code).Select(m => m.Groups[1].Value.Replace('.', '_')).ToHashSet(StringComparer.Ordinal);
        foreach (var name in series)
        {
            Assert.True(instruments.Contains(UnitSuffix().Replace(name, "")), $"{name}: no such instrument in the code (known: {string.Join(", ", instruments)})");
        }
    }

    [Fact]
    public void Compose_provisions_grafana_with_the_prometheus_datasource_and_the_dashboard()
    {
        Assert.True(File.Exists(Repo.PathOf("deploy", "grafana", "provisioning", "datasources", "prometheus.yaml")));
        Assert.True(File.Exists(Repo.PathOf("deploy", "grafana", "provisioning", "dashboards", "zgc.yaml")));
        var compose = File.ReadAllText(Repo.PathOf("deploy", "compose", "compose.yaml"));
        Assert.Contains("../grafana/dashboards:/var/lib/grafana/dashboards", compose, StringComparison.Ordinal);
        Assert.All(Dashboard().GetProperty("panels").EnumerateArray(),
            p => Assert.Equal("zgc-prometheus", p.GetProperty("datasource").GetProperty("uid").GetString()));
    }

    [GeneratedRegex(@"\bzgc_[a-z_]+")]
    private static partial Regex ZgcSeries();

    [GeneratedRegex("\"(zgc\\.[a-z_.]+)\"")]
    private static partial Regex Instrument();

    [GeneratedRegex("_(total|seconds|fen)$")]
    private static partial Regex UnitSuffix();
}
