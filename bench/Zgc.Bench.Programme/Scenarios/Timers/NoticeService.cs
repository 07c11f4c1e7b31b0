using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Bench.Programme.Compositions;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios.Timers;

/// <summary>
/// The notice service alone as its own process, on a PostgreSQL database and a RabbitMQ virtual host of its own, with the
/// simulated clock every composition uses. Disposing kills the process, deletes the virtual host and drops the database.
/// </summary>
internal sealed class NoticeService : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly RabbitMqVirtualHost _vhost;
    private readonly string _databases;
    private readonly bool _keepDatabases;

    private NoticeService(ServiceProcess process, RabbitMqVirtualHost vhost, string databases, bool keepDatabases)
    {
        _process = process;
        _vhost = vhost;
        _databases = databases;
        _keepDatabases = keepDatabases;
    }

    /// <summary>The broker address (with the virtual host) the bench's own bus connects to.</summary>
    public string RabbitMq => _vhost.Uri;

    public string LogPath => _process.LogPath;

    /// <summary>Starts the service on the database <c>{databases}_notice</c> with <paramref name="extra"/> settings on top.</summary>
    public static async Task<NoticeService> Start(string databases, DateTimeOffset start, bool keepDatabases, IReadOnlyDictionary<string, string> extra)
    {
        var vhost = await RabbitMqVirtualHost.Create("zgc-bench-timers");
        try
        {
            var settings = Composition.CommonSettings(start, DateTimeOffset.UtcNow);
            settings["Database__Provider"] = "Postgres";
            settings["Database__ConnectionString"] = RealInfrastructure.PostgresDatabase(databases + "_notice");
            settings["Messaging__Transport"] = "RabbitMq";
            settings["Messaging__RabbitMq"] = vhost.Uri;
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }

            var process = await ServiceProcess.Start("notice", "Zgc.Notice", settings, TimeSpan.FromSeconds(180));
            return new NoticeService(process, vhost, databases, keepDatabases);
        }
        catch
        {
            await vhost.DisposeAsync();
            throw;
        }
    }

    public ProcessUsage? Usage() => ProcessUsage.Read(_process.Name, _process.ProcessId);

    /// <summary>Timers pending (scheduled rows not yet due) and messages due but undelivered, as operators see them.</summary>
    public async Task<(int TimersPending, int MessagesPending)> Backlog()
    {
        using var officer = StandaloneTokens.Client(_process.BaseAddress, Roles.CommitteeOfficer);
        var backlog = await officer.GetFromJsonAsync<JsonElement>(new Uri("/notice/outbox", UriKind.Relative));
        return (backlog.GetProperty("timersPending").GetInt32(), backlog.GetProperty("messagesPending").GetInt32());
    }

    /// <summary>
    /// Moves the service's simulated clock forward to <paramref name="to"/> and returns how far simulated time is then
    /// ahead of real time (at speed 1 it stays so: simulated = real + offset).
    /// </summary>
    public async Task<TimeSpan> MoveClockTo(DateTimeOffset to)
    {
        using var admin = StandaloneTokens.Client(_process.BaseAddress, Roles.Admin);
        using var response = await admin.PostAsJsonAsync(new Uri("/simulation/clock", UriKind.Relative), new { to });
        await LifecycleDriver.Ensure(response);
        var clock = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (clock.GetProperty("speed").GetDouble() != 1)
        {
            throw new InvalidOperationException("The timers scenario maps arrivals into simulated time at speed 1.");
        }

        return clock.GetProperty("offset").Deserialize<TimeSpan>();
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _vhost.DisposeAsync();
        if (!_keepDatabases)
        {
            await PostgresDatabases.DropAll(_databases);
        }
    }
}
