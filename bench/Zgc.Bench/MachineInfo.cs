using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Npgsql;
using RabbitMQ.Client;

namespace Zgc.Bench;

/// <summary>What the figures were measured on.</summary>
public sealed class MachineInfo
{
    public int Cores { get; init; }

    public string Memory { get; init; } = "";

    public string Cpu { get; init; } = "";

    /// <summary>
    /// The processor's last-level cache as the kernel reports it ("L3 260 MiB"). The GC sizes its first generation from it
    /// unless told otherwise, so two sittings with the same core count can differ in memory and speed because of it.
    /// </summary>
    public string LastLevelCache { get; init; } = "";

    public string Os { get; init; } = "";

    public string Runtime { get; init; } = "";

    public string PostgreSql { get; init; } = "";

    public string RabbitMq { get; init; } = "";

    public string MassTransit { get; init; } = "";

    public string RabbitMqClient { get; init; } = "";

    public string Npgsql { get; init; } = "";

    public string LoadAtStart { get; init; } = "";

    public string LoadAtEnd { get; set; } = "";

    public static async Task<MachineInfo> Collect(BenchOptions options) => new()
    {
        Cores = Environment.ProcessorCount,
        Memory = ReadProc("/proc/meminfo", "MemTotal:") is { } kb && long.TryParse(kb.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var total)
            ? string.Create(CultureInfo.InvariantCulture, $"{total / 1024.0 / 1024.0:0.0} GiB")
            : "unknown",
        Cpu = ReadProc("/proc/cpuinfo", "model name") is { } cpu ? cpu.TrimStart(':', ' ', '\t') : RuntimeInformation.ProcessArchitecture.ToString(),
        LastLevelCache = LastLevelCacheOf("/sys/devices/system/cpu/cpu0/cache"),
        Os = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        PostgreSql = await PostgresVersion(options.Postgres),
        RabbitMq = await RabbitMqVersion(options.RabbitMq),
        MassTransit = VersionOf(typeof(MassTransit.IBus).Assembly),
        RabbitMqClient = VersionOf(typeof(IConnection).Assembly),
        Npgsql = VersionOf(typeof(NpgsqlConnection).Assembly),
        LoadAtStart = LoadAverage(),
    };

    public IEnumerable<(string Key, string Value)> Describe()
    {
        yield return ("cores (nproc)", Cores.ToString(CultureInfo.InvariantCulture));
        yield return ("memory", Memory);
        yield return ("cpu", Cpu);
        yield return ("last-level cache", LastLevelCache);
        yield return ("os", Os);
        yield return ("runtime", Runtime);
        yield return ("PostgreSQL", PostgreSql);
        yield return ("RabbitMQ", RabbitMq);
        yield return ("MassTransit", MassTransit);
        yield return ("RabbitMQ.Client", RabbitMqClient);
        yield return ("Npgsql", Npgsql);
        yield return ("load average at start (1/5/15 min)", LoadAtStart);
        if (LoadAtEnd.Length > 0)
        {
            yield return ("load average at end (1/5/15 min)", LoadAtEnd);
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>The highest-level cache under <paramref name="folder"/> (Linux sysfs: index*/level and size, e.g. 266240K).</summary>
    internal static string LastLevelCacheOf(string folder)
    {
        try
        {
            var caches = Directory.GetDirectories(folder, "index*")
                .Select(index => (Level: File.ReadAllText(Path.Combine(index, "level")).Trim(), Size: File.ReadAllText(Path.Combine(index, "size")).Trim()))
                .Where(c => int.TryParse(c.Level, out _))
                .OrderByDescending(c => int.Parse(c.Level, CultureInfo.InvariantCulture))
                .ToList();
            if (caches.Count == 0)
            {
                return "unknown";
            }

            var (level, size) = caches[0];
            return size.EndsWith('K') && long.TryParse(size[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
                ? string.Create(CultureInfo.InvariantCulture, $"L{level} {(kib >= 1024 ? $"{kib / 1024.0:0.#} MiB" : $"{kib} KiB")}")
                : $"L{level} {size}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string? ReadProc(string path, string prefix)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static async Task<string> PostgresVersion(string server)
    {
        try
        {
            await using var connection = new NpgsqlConnection(server.TrimEnd(';') + ";Database=postgres");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SHOW server_version", connection);
            return (await command.ExecuteScalarAsync())?.ToString() ?? "?";
        }
        catch (NpgsqlException ex)
        {
            return "unreachable: " + ex.Message;
        }
    }

    private static async Task<string> RabbitMqVersion(string uri)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(uri) };
            await using var connection = await factory.CreateConnectionAsync();
            return connection.ServerProperties is { } properties && properties.TryGetValue("version", out var value) && value is byte[] bytes
                ? System.Text.Encoding.UTF8.GetString(bytes)
                : "?";
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException ex)
        {
            return "unreachable: " + ex.Message;
        }
    }
}
