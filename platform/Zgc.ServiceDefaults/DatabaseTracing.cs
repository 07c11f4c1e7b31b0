using Microsoft.Extensions.Configuration;

namespace Zgc.ServiceDefaults;

/// <summary>Which instrumentation records a service's database commands in its traces.</summary>
public static class DatabaseTracing
{
    /// <summary>
    /// Whether EF Core's command events become spans. Only when spans are exported (an OTLP endpoint is configured): EF's
    /// instrumentation is not free — it listens to every EF diagnostic event and reads each one's properties by reflection,
    /// 4–5 % of the notice service's CPU while timers drained and ~3 % of intake's under load (docs/performance.md, fix 18),
    /// ~2.5 % of the standalone composition's and a tenth of the allocations of an audit append (fix 36) — and a span nobody
    /// exports is thrown away. Never on PostgreSQL: Npgsql's own activity source already records every command (statement,
    /// duration, errors), so EF's would only add a second span around each. SQLite and SQL Server have no instrumentation of
    /// their own, so there EF's records the commands when traces leave the process.
    /// </summary>
    public static bool TracesEntityFrameworkCommands(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) &&
            !string.Equals(configuration["Database:Provider"]?.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase);
    }
}
