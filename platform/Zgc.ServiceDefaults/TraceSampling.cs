using Microsoft.Extensions.Configuration;

namespace Zgc.ServiceDefaults;

/// <summary>Whether a service records the spans it starts, or only carries their ids.</summary>
public static class TraceSampling
{
    /// <summary>
    /// True when spans leave the process (an OTLP endpoint is configured) or an operator chose a sampler
    /// (<c>OTEL_TRACES_SAMPLER</c>). Otherwise nothing receives a recorded span, so none is recorded: every span is still
    /// created with its trace and span ids — logs, audit entries and the messages' headers keep correlating one flow
    /// across services — but the instrumentations (ASP.NET Core, HttpClient, MassTransit, Npgsql) skip the tags and events
    /// they would fill in for an exporter. Recording them for nobody cost ~5 % of the standalone host's CPU during a
    /// programme walk (docs/performance.md, fix 41).
    /// </summary>
    public static bool RecordsSpans(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ||
            !string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]);
    }
}
