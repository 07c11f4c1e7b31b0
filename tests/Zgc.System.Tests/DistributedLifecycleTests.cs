using System.Globalization;
using Zgc.Testing;

namespace Zgc.System.Tests;

/// <summary>
/// The complete three-year path once more across six separate service processes on the real RabbitMQ and PostgreSQL:
/// each service its own process and database, talking only through the broker, every clock simulated and moved together.
/// </summary>
public sealed class DistributedLifecycleTests : IAsyncLifetime
{
    private static readonly (string Folder, string Project)[] Services =
    [
        ("intake", "Zgc.Intake"), ("review", "Zgc.Review"), ("notice", "Zgc.Notice"), ("funding", "Zgc.Funding"), ("monitoring", "Zgc.Monitoring"),
        ("workflows", "Zgc.Workflows"),
    ];

    /// <summary>Monday 2 March 2026, 09:00 in Beijing, at the real instant the fixture starts: every process starts its clock there.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _run = "zgc_e2e_" + Guid.NewGuid().ToString("N")[..10];
    private readonly DateTimeOffset _anchor = DateTimeOffset.UtcNow;
    private readonly List<ServiceProcess> _processes = [];
    private RabbitMqVirtualHost? _vhost;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _vhost = await RabbitMqVirtualHost.Create("zgc-e2e");
        _processes.AddRange(await Task.WhenAll(Services.Select(s => ServiceProcess.Start(s.Folder, s.Project, Environment(s.Folder), TimeSpan.FromSeconds(120)))));
    }

    private Dictionary<string, string> Environment(string service) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = RealInfrastructure.PostgresDatabase($"{_run}_{service}"),
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMq"] = _vhost!.Uri,
        ["Simulation__Enabled"] = "true",
        // In UTC: a TimeProvider's "now" must carry offset zero (PostgreSQL refuses to store any other).
        ["Simulation__Start"] = Start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["Simulation__Anchor"] = _anchor.ToString("O", CultureInfo.InvariantCulture),
    };

    [Fact]
    [Trait("Req", "S-SERVICES"), Trait("Req", "S-OPS"), Trait("Req", "R-A13-NOTICE"), Trait("Req", "R-A13-AGREEMENT"), Trait("Req", "R-A10-Y1")]
    [Trait("Req", "R-A10-Y23"), Trait("Req", "R-A14-ANNUAL"), Trait("Req", "R-A14-EVAL")]
    public async Task A_platform_goes_through_three_funded_construction_years_across_separate_processes()
    {
        var addresses = Services.ToDictionary(s => s.Folder, s => _processes.Single(p => p.Name == s.Project).BaseAddress);
        using var drive = new LifecycleDriver(new ProcessesProgrammeHost(addresses), Ct);

        await HappyPathWalk.Walk(drive, IntakePayloads.DefaultUnit);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        await PostgresDatabases.DropAll(_run);
    }
}
