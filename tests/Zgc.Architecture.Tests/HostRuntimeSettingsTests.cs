using System.Text.Json;

namespace Zgc.Architecture.Tests;

/// <summary>
/// The runtime settings each service host is built with (its <c>runtimeconfig.json</c>, which travels with every build
/// and publish, so no deployment has to remember them).
/// </summary>
public class HostRuntimeSettingsTests
{
    /// <summary>32 MiB: see Directory.Build.props and docs/performance.md, fix 55.</summary>
    private const long Gen0MaxBudget = 32 * 1024 * 1024;

    /// <summary>See services/monitoring/Zgc.Monitoring/Zgc.Monitoring.csproj and docs/performance.md, fix 60.</summary>
    private const int ConserveMemory = 7;

    public static TheoryData<string> Hosts => Solution.Names(Solution.Hosts);

    [Fact]
    public void Every_service_has_a_host_to_check() => Assert.Equal(Solution.Services.Count, Solution.Hosts.Count);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_service_host_caps_the_first_GC_generation_and_keeps_workstation_GC(string host)
    {
        var settings = ConfigProperties(host);

        // Without the cap the GC sizes the budget from the last-level cache and, on a host with a large shared one, lets
        // a service commit ~130 MiB before its first collection: over the 300 MB target at programme size.
        Assert.True(settings.TryGetProperty("System.GC.Gen0MaxBudget", out var budget), $"{host}: System.GC.Gen0MaxBudget is not set");
        Assert.Equal(Gen0MaxBudget, budget.GetInt64());
        Assert.False(settings.GetProperty("System.GC.Server").GetBoolean(), $"{host}: server GC");
    }

    [Fact]
    public void The_monitoring_host_asks_the_GC_to_conserve_memory()
    {
        var settings = ConfigProperties("Zgc.Monitoring");

        // Without it the background GC sweeps the older generation and keeps its free space committed: monitoring's report
        // phases took it to within a few MB of the 300 MB target at programme size (docs/performance.md, fix 60).
        Assert.True(settings.TryGetProperty("System.GC.ConserveMemory", out var conserve), "Zgc.Monitoring: System.GC.ConserveMemory is not set");
        Assert.Equal(ConserveMemory, conserve.GetInt32());
    }

    private static JsonElement ConfigProperties(string host)
    {
        var file = Path.Combine(AppContext.BaseDirectory, host + ".runtimeconfig.json");
        Assert.True(File.Exists(file), $"{file} was not copied beside the tests (is the host still referenced?)");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
