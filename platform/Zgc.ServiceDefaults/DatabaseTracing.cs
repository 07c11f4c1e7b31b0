using Microsoft.Extensions.Configuration;

namespace Zgc.ServiceDefaults;

/// <summary>Which instrumentation records a service's database commands in its traces.</summary>
public static class DatabaseTracing
{
    /// <summary>
    /// Whether EF Core's command events become spans. Not on PostgreSQL: Npgsql's own activity source already records every
    /// command (statement, duration, errors), so EF's instrumentation only added a second span around each, and it is not
    /// free — it listens to every EF diagnostic event and reads each one's properties by reflection, 4–5 % of the notice
    /// service's CPU while timers drained and ~3 % of intake's under load (docs/performance.md, fix 18). SQLite and SQL
    /// Server have no instrumentation of their own, so there EF's stays.
    /// </summary>
    public static bool TracesEntityFrameworkCommands(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.Equals(configuration["Database:Provider"]?.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase);
    }
}
