using Npgsql;
using Zgc.Testing;

namespace Zgc.Messaging.Tests.Support;

/// <summary>
/// A PostgreSQL database and a RabbitMQ virtual host of their own, and the TestHost processes started on them
/// (replicas, restarts). Disposing kills the processes and drops the database and the virtual host.
/// </summary>
public sealed class TestBed : IAsyncDisposable
{
    private readonly List<(ServiceProcess Process, HttpClient Http)> _hosts = [];

    private TestBed(string database, RabbitMqVirtualHost virtualHost)
    {
        Database = database;
        VirtualHost = virtualHost;
    }

    public string Database { get; }

    public RabbitMqVirtualHost VirtualHost { get; }

    /// <summary>Every process started so far, with its log: for failure messages.</summary>
    public string Logs => string.Join("; ", _hosts.Select(h => h.Process.LogPath));

    public static async Task<TestBed> Create() =>
        new("zgc_msg_" + Guid.NewGuid().ToString("N")[..12], await RabbitMqVirtualHost.Create("zgc-msg"));

    /// <summary>Starts one more TestHost process on this database and virtual host and waits until it is ready.</summary>
    public async Task<(ServiceProcess Process, HostApi Api)> Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = RealInfrastructure.PostgresDatabase(Database),
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq"] = VirtualHost.Uri,
            // Keep the logs to what explains a failure (failed commands are errors and stay in).
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = await TestHostProcess.Start(environment);
        var http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _hosts.Add((process, http));
        await process.WaitUntilReady(TimeSpan.FromSeconds(90));
        return (process, new HostApi(http, $"logs: {Logs}"));
    }

    /// <summary>A count straight from the database (works while no host runs).</summary>
    public async Task<long> Count(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(RealInfrastructure.PostgresDatabase(Database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The trace ids the handlings of <paramref name="kind"/> for <paramref name="key"/> ran in.</summary>
    public async Task<List<string?>> EffectTraces(string kind, Guid key)
    {
        await using var connection = new NpgsqlConnection(RealInfrastructure.PostgresDatabase(Database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""SELECT "TraceId" FROM "Effects" WHERE "Kind" = @kind AND "Key" = @key""", connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("key", key);
        var traces = new List<string?>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            traces.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return traces;
    }

    public Task<long> Effects(string kind, Guid key) =>
        Count("""SELECT count(*) FROM "Effects" WHERE "Kind" = @kind AND "Key" = @key""", ("kind", kind), ("key", key));

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, http) in _hosts)
        {
            http.Dispose();
            await process.DisposeAsync();
        }

        await VirtualHost.DisposeAsync();
        await PostgresDatabases.DropAll(Database);
    }
}
