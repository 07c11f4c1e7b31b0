using System.Data.Common;
using System.Net;
using Npgsql;

namespace Zgc.Persistence;

/// <summary>
/// Npgsql settings every service uses on PostgreSQL unless its connection string says otherwise.
/// Measured by the intake benchmark on this machine: together they raised intake's capacity from ~88 to ~135
/// submissions per second, and PostgreSQL's own CPU per submission fell (docs/performance.md).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>No Reset On Close=true</c>: a connection returned to the pool is not reset with <c>DISCARD ALL</c> (one more
/// round trip and statement on the next open, which EF does several times per request). The services keep no session
/// state: no <c>SET</c>, no session advisory locks (the audit chain's lock is transaction-scoped), no temporary tables,
/// no <c>LISTEN</c>. Code that adds any must set it back, or turn this off for its service.</item>
/// <item><c>Max Auto Prepare=64</c>: statements run repeatedly (EF's SQL is the same text each time) are prepared on the
/// connection after a few uses, so PostgreSQL stops parsing and planning them on every execution. Schema changes run
/// at start-up (migrations) before the service takes traffic.</item>
/// <item><c>SSL Mode=Disable</c>, only when every host is this machine (a loopback address, <c>localhost</c> or a Unix
/// socket directory): Npgsql uses TLS whenever the server offers it, and on loopback that encrypts bytes that never
/// leave the kernel — measured at about a tenth of the CPU of intake and PostgreSQL together at 100 submissions per
/// second (docs/performance.md, fix 14). A remote host keeps Npgsql's default, and deploy/README.md asks for
/// <c>SSL Mode=Require</c> on networks you do not control.</item>
/// </list>
/// </remarks>
public static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    /// <summary>The connection string with the defaults added where it does not set them itself.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return WithoutTlsOnThisMachine(builder.ConnectionString);
    }

    /// <summary>
    /// The connection string with <c>SSL Mode=Disable</c> when every host is this machine and it names no SSL mode itself;
    /// otherwise unchanged. The benchmarks' raw baselines use it too, so they pay for the same transport the services do.
    /// </summary>
    public static string WithoutTlsOnThisMachine(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (Mentions(given, "SSL Mode", "SslMode") || !IsThisMachine(builder.Host))
        {
            return connectionString;
        }

        builder.SslMode = SslMode.Disable;
        return builder.ConnectionString;
    }

    /// <summary>True when every host of a (possibly multi-host) list is reached without leaving this machine.</summary>
    internal static bool IsThisMachine(string? hosts)
    {
        if (string.IsNullOrWhiteSpace(hosts))
        {
            return false;
        }

        return hosts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(entry =>
        {
            // A Unix socket directory, or host[:port] / [v6]:port as Npgsql's multi-host syntax allows.
            if (entry.StartsWith('/'))
            {
                return true;
            }

            var host = entry.StartsWith('[') ? entry[1..Math.Max(1, entry.IndexOf(']'))]
                : entry.Count(c => c == ':') == 1 ? entry[..entry.IndexOf(':')] : entry;
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                   || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        });
    }

    private static bool Mentions(DbConnectionStringBuilder given, params string[] keys) =>
        keys.Any(given.ContainsKey);
}
