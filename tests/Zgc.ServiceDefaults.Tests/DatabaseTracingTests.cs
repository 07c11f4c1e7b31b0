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
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider }).Build();

        Assert.Equal(expected, DatabaseTracing.TracesEntityFrameworkCommands(configuration));
    }
}
