using System.Globalization;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Compositions;

/// <summary>
/// The programme under measurement, as its own OS processes (never linked into the bench, so their CPU and memory are theirs):
/// the standalone composition (one process, SQLite files, in-memory bus) or the distributed one (six service processes, one
/// PostgreSQL database each, RabbitMQ). Every clock is simulated from the same start and anchor and moved together.
/// </summary>
public sealed class Composition : IAsyncDisposable
{
    public static readonly (string Folder, string Project)[] Services =
    [
        ("intake", "Zgc.Intake"), ("review", "Zgc.Review"), ("notice", "Zgc.Notice"), ("funding", "Zgc.Funding"), ("monitoring", "Zgc.Monitoring"),
        ("workflows", "Zgc.Workflows"),
    ];

    private readonly List<ServiceProcess> _processes;
    private readonly Func<ValueTask> _cleanUp;

    private Composition(string name, List<ServiceProcess> processes, IReadOnlyDictionary<string, Uri> addresses, Func<ValueTask> cleanUp,
        string? virtualHost = null)
    {
        Name = name;
        VirtualHost = virtualHost;
        _processes = processes;
        Addresses = addresses;
        Host = new ProcessesProgrammeHost(addresses);
        _cleanUp = cleanUp;
    }

    /// <summary>standalone or distributed.</summary>
    public string Name { get; }

    public IProgrammeHost Host { get; }

    /// <summary>Each service's address (all the same in the standalone composition).</summary>
    public IReadOnlyDictionary<string, Uri> Addresses { get; }

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    /// <summary>The RabbitMQ virtual host of the distributed composition (null: in-memory bus).</summary>
    public string? VirtualHost { get; }

    /// <summary>CPU and memory of every process now.</summary>
    public List<ProcessUsage> Usage() => [.. _processes.Select(p => ProcessUsage.Read(p.Name, p.ProcessId)).OfType<ProcessUsage>()];

    /// <summary>
    /// The settings every process gets: the simulated clock from <paramref name="start"/> (at the real instant
    /// <paramref name="anchor"/>), quiet logs (per-request logs would measure the log sink), no public rate limit (the bench
    /// is one client address doing the work of thousands).
    /// </summary>
    public static Dictionary<string, string> CommonSettings(DateTimeOffset start, DateTimeOffset anchor) => new()
    {
        ["Simulation__Enabled"] = "true",
        // In UTC: a TimeProvider's "now" must carry offset zero (PostgreSQL refuses to store any other).
        ["Simulation__Start"] = start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["Simulation__Anchor"] = anchor.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
        ["Limits__PublicPerMinute"] = "10000000",
        ["Limits__SignInPerMinute"] = "10000000",
    };

    /// <summary>All six services and the console in one process on SQLite files in a fresh folder (deleted on dispose).</summary>
    public static async Task<Composition> Standalone(DateTimeOffset start, IReadOnlyDictionary<string, string>? extra = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "zgc-bench-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(data);
        var settings = CommonSettings(start, DateTimeOffset.UtcNow);
        settings["Database__DataDirectory"] = data;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = await ServiceProcess.StartDll("Zgc.Standalone", ServiceProcess.BuiltDll(Path.Combine("deploy", "standalone"), "Zgc.Standalone"), settings,
            TimeSpan.FromSeconds(180));
        var addresses = Services.ToDictionary(s => s.Folder, _ => process.BaseAddress);
        return new Composition("standalone", [process], addresses, () =>
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>
    /// One process per service on PostgreSQL databases <c>{run}_{service}</c> and a RabbitMQ virtual host of its own (both
    /// removed on dispose unless <paramref name="keepDatabases"/>).
    /// </summary>
    public static async Task<Composition> Distributed(string run, DateTimeOffset start, bool keepDatabases,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var vhost = await RabbitMqVirtualHost.Create("zgc-bench");
        var anchor = DateTimeOffset.UtcNow;
        var processes = new List<ServiceProcess>();
        try
        {
            processes.AddRange(await Task.WhenAll(Services.Select(s =>
            {
                var settings = CommonSettings(start, anchor);
                settings["Database__Provider"] = "Postgres";
                settings["Database__ConnectionString"] = RealInfrastructure.PostgresDatabase($"{run}_{s.Folder}");
                settings["Messaging__Transport"] = "RabbitMq";
                settings["Messaging__RabbitMq"] = vhost.Uri;
                foreach (var (key, value) in extra ?? new Dictionary<string, string>())
                {
                    settings[key] = value;
                }

                return ServiceProcess.Start(s.Folder, s.Project, settings, TimeSpan.FromSeconds(180));
            })));
        }
        catch
        {
            foreach (var p in processes)
            {
                await p.DisposeAsync();
            }

            await vhost.DisposeAsync();
            throw;
        }

        var addresses = Services.ToDictionary(s => s.Folder, s => processes.Single(p => p.Name == s.Project).BaseAddress);
        return new Composition("distributed", processes, addresses, async () =>
        {
            await vhost.DisposeAsync();
            if (!keepDatabases)
            {
                await PostgresDatabases.DropAll(run);
            }
        }, vhost.Name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _cleanUp();
    }
}
