using System.Diagnostics;
using Npgsql;

namespace Zgc.Bench;

/// <summary>
/// A RabbitMQ virtual host made for one run with <c>rabbitmqctl</c> (on the local broker) and deleted afterwards,
/// so queues of a run never mix with other runs or with concurrently running tests.
/// </summary>
public sealed class BenchVirtualHost : IAsyncDisposable
{
    private BenchVirtualHost(string name, string uri)
    {
        Name = name;
        Uri = uri;
    }

    public string Name { get; }

    /// <summary>The broker address with this virtual host.</summary>
    public string Uri { get; }

    public static async Task<BenchVirtualHost> Create(string brokerUri, string purpose)
    {
        var name = $"zgc-bench-{purpose}-{Guid.NewGuid():N}"[..(purpose.Length + 22)];
        await Ctl("add_vhost", name);
        await Ctl("set_permissions", "-p", name, new Uri(brokerUri).UserInfo.Split(':')[0] is { Length: > 0 } user ? user : "guest", ".*", ".*", ".*");
        return new BenchVirtualHost(name, brokerUri.TrimEnd('/') + "/" + name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Ctl("delete_vhost", Name);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"  warning: could not delete vhost {Name}: {ex.Message}");
        }
    }

    private static async Task Ctl(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        // rabbitmqctl may be the Erlang tool that starts epmd; keep it on loopback as deploy/infra does.
        info.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmqctl could not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {await error}");
        }
    }
}

/// <summary>A PostgreSQL database name for one run; the run's host creates it (EnsureCreated), this drops it.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly bool _keep;

    public BenchDatabase(string server, string purpose, bool keep = false)
    {
        _server = server;
        _keep = keep;
        Name = $"zgc_bench_{purpose}_{Guid.NewGuid():N}"[..(purpose.Length + 22)];
    }

    public string Name { get; }

    public string ConnectionString => _server.TrimEnd(';') + ";Database=" + Name;

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            Console.WriteLine($"  kept database {Name}");
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server.TrimEnd(';') + ";Database=postgres");
            await connection.OpenAsync();
            // The name is ours: a fixed prefix, the purpose (letters) and hex digits.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            Console.Error.WriteLine($"  warning: could not drop database {Name}: {ex.Message}");
        }
    }
}
