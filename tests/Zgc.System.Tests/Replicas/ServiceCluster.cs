using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.System.Tests.Replicas;

/// <summary>One running copy of a service: its process can be killed and started again on the same port.</summary>
internal sealed class Replica(string folder, string project, int index, ServiceProcess process)
{
    public string Folder { get; } = folder;

    public string Project { get; } = project;

    public int Index { get; } = index;

    public ServiceProcess Process { get; set; } = process;

    /// <summary>False from the moment it is killed until its restart is ready and its clock caught up.</summary>
    public volatile bool Up = true;

    public int Restarts { get; set; }

    /// <summary>How many of the test's requests this replica was given.</summary>
    public int Served;

    public override string ToString() => $"{Project}#{Index}";
}

/// <summary>
/// The six services as separate processes on the real RabbitMQ (one virtual host) and PostgreSQL (one database per
/// service, shared by its replicas), <c>replicas</c> copies of each — the deploy/local shape, started by the test so it
/// can kill and restart any one of them. Every process runs the simulated clock from the same start and anchor, so they
/// agree; a restarted process starts its clock where the others are.
/// </summary>
internal sealed class ServiceCluster : IAsyncDisposable
{
    public static readonly (string Folder, string Project)[] Services =
    [
        ("intake", "Zgc.Intake"), ("review", "Zgc.Review"), ("notice", "Zgc.Notice"), ("funding", "Zgc.Funding"), ("monitoring", "Zgc.Monitoring"),
        ("workflows", "Zgc.Workflows"),
    ];

    private readonly string _run;
    private readonly RabbitMqVirtualHost _vhost;
    private readonly List<Replica> _replicas = [];
    private readonly Dictionary<string, int> _turn = [];

    // Held while a replica restarts: its clock starts where the others are, so they must not move until it is up.
    private readonly SemaphoreSlim _clockMoves = new(1, 1);

    private ServiceCluster(string run, RabbitMqVirtualHost vhost)
    {
        _run = run;
        _vhost = vhost;
    }

    public ChaosGate Gate { get; } = new();

    public IReadOnlyList<Replica> Replicas => _replicas;

    public static async Task<ServiceCluster> Start(string prefix, int replicas, DateTimeOffset start)
    {
        var cluster = new ServiceCluster(prefix + "_" + Guid.NewGuid().ToString("N")[..10], await RabbitMqVirtualHost.Create(prefix.Replace('_', '-')));
        try
        {
            var anchor = DateTimeOffset.UtcNow;
            // The first replica of each service creates its database and queues; the others then join them.
            for (var index = 0; index < replicas; index++)
            {
                var started = await Task.WhenAll(Services.Select(async s =>
                    new Replica(s.Folder, s.Project, index, await ServiceProcess.Start(s.Folder, s.Project, cluster.Environment(s.Folder, start, anchor),
                        TimeSpan.FromSeconds(180)))));
                cluster._replicas.AddRange(started);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    private Dictionary<string, string> Environment(string service, DateTimeOffset start, DateTimeOffset anchor) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = RealInfrastructure.PostgresDatabase($"{_run}_{service}"),
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMq"] = _vhost.Uri,
        ["Simulation__Enabled"] = "true",
        // In UTC: a TimeProvider's "now" must carry offset zero (PostgreSQL refuses to store any other).
        ["Simulation__Start"] = start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ["Simulation__Anchor"] = anchor.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>The next replica of <paramref name="service"/> that is up (round robin), waiting while none is.</summary>
    public async Task<Uri> Address(string service, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            lock (_turn)
            {
                var up = _replicas.Where(r => r.Folder == service && r.Up).ToList();
                if (up.Count > 0)
                {
                    var turn = _turn.GetValueOrDefault(service);
                    _turn[service] = turn + 1;
                    var chosen = up[turn % up.Count];
                    chosen.Served++;
                    return chosen.Process.BaseAddress;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No replica of {service} came up within 3 minutes.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, nothing flushed. Waits for the test's calls in flight to finish first.</summary>
    public async Task Kill(Replica replica, CancellationToken cancellationToken)
    {
        using (await Gate.Exclusive(cancellationToken))
        {
            replica.Up = false;
            replica.Process.Kill();
        }
    }

    /// <summary>
    /// Starts the killed replica again on its port, its clock starting where the others' are now (they do not move until it
    /// is ready); only then does it take the test's requests.
    /// </summary>
    public async Task Restart(Replica replica, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replica);
        await _clockMoves.WaitAsync(cancellationToken);
        try
        {
            await replica.Process.DisposeAsync();
            var port = replica.Process.Port;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var now = await Now();
                    replica.Process = await ServiceProcess.Start(replica.Folder, replica.Project, Environment(replica.Folder, now, DateTimeOffset.UtcNow),
                        TimeSpan.FromSeconds(180), port: port);
                    break;
                }
                catch (Exception e) when (attempt < 5 && e is InvalidOperationException or TimeoutException)
                {
                    // A process that cannot reach its database or broker on start exits, as it should; like a supervisor
                    // (systemd, Kubernetes) the cluster starts it again a little later.
                    await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                }
            }

            using (await Gate.Exclusive(cancellationToken))
            {
                replica.Restarts++;
                replica.Up = true;
            }
        }
        finally
        {
            _clockMoves.Release();
        }
    }

    /// <summary>Runs <paramref name="outage"/> (a broker or database stop and start) alone, then waits until every live replica is ready again.</summary>
    public async Task Outage(Func<Task> outage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outage);
        using (await Gate.Exclusive(cancellationToken))
        {
            await outage();
            foreach (var replica in _replicas.Where(r => r.Up))
            {
                await replica.Process.WaitUntilReady(TimeSpan.FromMinutes(2));
            }
        }
    }

    /// <summary>The programme's simulated now, as a live replica of workflows tells it.</summary>
    public async Task<DateTimeOffset> Now()
    {
        var live = _replicas.First(r => r.Up);
        return await ClockOf(live.Process.BaseAddress);
    }

    /// <summary>Moves every replica's clock (none is restarting then: see <see cref="Restart"/>).</summary>
    public async Task Advance(TimeSpan by, CancellationToken cancellationToken)
    {
        await _clockMoves.WaitAsync(cancellationToken);
        try
        {
            using (await Gate.Exclusive(cancellationToken))
            {
                await Task.WhenAll(_replicas.Where(r => r.Up).Select(r => Advance(r.Process.BaseAddress, by)));
            }
        }
        finally
        {
            _clockMoves.Release();
        }
    }

    private static async Task<DateTimeOffset> ClockOf(Uri address)
    {
        using var client = StandaloneTokens.Client(address, null);
        var clock = await client.GetFromJsonAsync<JsonElement>(new Uri("/simulation/clock", UriKind.Relative));
        return clock.GetProperty("now").GetDateTimeOffset();
    }

    private static async Task Advance(Uri address, TimeSpan by)
    {
        using var admin = StandaloneTokens.Client(address, Roles.Admin);
        using var response = await admin.PostAsJsonAsync(new Uri("/simulation/clock", UriKind.Relative), new { advanceBy = by });
        await LifecycleDriver.Ensure(response);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.Process.DisposeAsync();
        }

        await _vhost.DisposeAsync();
        await PostgresDatabases.DropAll(_run);
        _clockMoves.Dispose();
    }
}
