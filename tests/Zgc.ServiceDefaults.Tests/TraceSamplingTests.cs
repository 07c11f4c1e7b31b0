using Microsoft.Extensions.Configuration;

namespace Zgc.ServiceDefaults.Tests;

public class TraceSamplingTests
{
    [Theory]
    [InlineData("http://collector:4317", null, true)]
    [InlineData(null, "parentbased_traceidratio", true)]
    [InlineData("http://collector:4317", "always_on", true)]
    [InlineData(null, null, false)]
    [InlineData("  ", "", false)]
    public void Spans_are_recorded_only_when_a_collector_receives_them_or_a_sampler_is_chosen(string? endpoint, string? sampler, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint, ["OTEL_TRACES_SAMPLER"] = sampler })
            .Build();
        Assert.Equal(expected, TraceSampling.RecordsSpans(configuration));
    }
}
