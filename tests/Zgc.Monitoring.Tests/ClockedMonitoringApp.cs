using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zgc.Testing;

namespace Zgc.Monitoring.Tests;

/// <summary>
/// The monitoring service on a <see cref="FakeTimeProvider"/>: the service, its timers and the outbox delivery all read
/// this clock. Clients carry tokens valid by the real clock (the server validates tokens against real time).
/// </summary>
public sealed class ClockedMonitoringApp(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    : ServiceAppFactory<Program>, IMonitoringHost
{
    public FakeTimeProvider Clock { get; } = new(start);

    protected override IReadOnlyDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Client(string? role, string? unit = null)
    {
        var client = CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StandaloneTokens.For(role, unit));
        }

        return client;
    }
}
