using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>
/// Keeps Kestrel from taking every file descriptor the process has (<see cref="RequestLimitsOptions.MaxConcurrentConnections"/>).
/// </summary>
/// <remarks>
/// Why: each open client connection is a descriptor, and so is every database file, journal and socket the process opens.
/// Kestrel accepts connections until the process's limit; past it, SQLite cannot open its files and writes fail with
/// 500 ("unable to open database file") while reads of cached connections still work — found by the benchmark's 10,000
/// simulated units, whose idle keep-alive connections filled the standalone host's 20,000 descriptors. With a cap below
/// the limit, the surplus connections are refused at once (the client sees the connection closed and may try again) and
/// the requests already accepted keep their database. By default the connections may use the descriptor limit less a
/// quarter kept for everything else (at least <see cref="MinimumReserve"/>): seven eighths of that for ordinary
/// connections, one eighth for upgraded ones (the console's live pages), which Kestrel counts apart.
/// </remarks>
public static class ConnectionLimit
{
    /// <summary>Descriptors always kept out of Kestrel's reach: database files with their journals, outgoing sockets, logs.</summary>
    public const long MinimumReserve = 256;

    /// <summary>Never fewer connections than this, however low the descriptor limit.</summary>
    public const long Floor = 64;

    /// <summary>
    /// The cap on ordinary connections for a descriptor limit: of the limit less max(a quarter,
    /// <see cref="MinimumReserve"/>), seven eighths (the last eighth goes to upgraded connections, see
    /// <see cref="UpgradedFor"/>), at least <see cref="Floor"/>. Null (no cap) when the limit is unknown.
    /// </summary>
    public static long? ForDescriptorLimit(long? descriptors)
    {
        if (descriptors is not > 0)
        {
            return null;
        }

        var budget = descriptors.Value - Math.Max(descriptors.Value / 4, MinimumReserve);
        return Math.Max(budget - (budget / 8), Floor);
    }

    /// <summary>Upgraded connections (WebSockets), which Kestrel counts apart: a seventh of the ordinary cap, at least one.</summary>
    public static long UpgradedFor(long connections) => Math.Max(connections / 7, 1);

    /// <summary>
    /// The soft "Max open files" from a Linux <c>/proc/self/limits</c> text (the runtime raises the soft limit to the hard
    /// one at start, so this is what the process may open). Null when absent or "unlimited".
    /// </summary>
    public static long? ParseOpenFilesLimit(string procLimits)
    {
        foreach (var line in procLimits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft)
                ? soft
                : null;
        }

        return null;
    }

    /// <summary>This process's descriptor limit, where the platform tells it (Linux); null elsewhere.</summary>
    public static long? ProcessDescriptorLimit()
    {
        const string path = "/proc/self/limits";
        try
        {
            return OperatingSystem.IsLinux() && File.Exists(path) ? ParseOpenFilesLimit(File.ReadAllText(path)) : null;
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

    /// <summary>
    /// Applies the cap to Kestrel unless <c>Kestrel:Limits:MaxConcurrentConnections</c> (Kestrel's own setting) already
    /// set one. <see cref="RequestLimitsOptions.MaxConcurrentConnections"/>: null = from the descriptor limit, 0 = none.
    /// </summary>
    public sealed class ConfigureKestrel(IOptions<RequestLimitsOptions> limits) : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions options)
        {
            if (options.Limits.MaxConcurrentConnections is not null)
            {
                return;
            }

            var cap = limits.Value.MaxConcurrentConnections switch
            {
                null => ForDescriptorLimit(ProcessDescriptorLimit()),
                0 => null,
                var configured => configured,
            };
            if (cap is null)
            {
                return;
            }

            options.Limits.MaxConcurrentConnections = cap;
            options.Limits.MaxConcurrentUpgradedConnections ??= UpgradedFor(cap.Value);
        }
    }
}
