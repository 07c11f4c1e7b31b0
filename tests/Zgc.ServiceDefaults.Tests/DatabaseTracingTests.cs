using Microsoft.Extensions.Configuration;

namespace Zgc.ServiceDefaults.Tests;

public class DatabaseTracingTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("Sqlite", true)]
    [InlineData("SqlServer", true)]
    [InlineData("Postgres", false)]
    [InlineData("postgres", false)]
    [InlineData(" Postgres ", false)]
    public void Entity_Framework_spans_only_where_the_driver_records_none(string? provider, bool expected)
    {
        Assert.Equal(expected, DatabaseTracing.TracesEntityFrameworkCommands(Configuration(provider, "http://collector:4317")));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Sqlite", null)]
    [InlineData("SqlServer", "")]
    [InlineData("Sqlite", "  ")]
    public void No_Entity_Framework_spans_when_no_collector_receives_them(string? provider, string? endpoint)
    {
        Assert.False(DatabaseTracing.TracesEntityFrameworkCommands(Configuration(provider, endpoint)));
    }

    private static IConfiguration Configuration(string? provider, string? endpoint) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider, ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint })
        .Build();
}
