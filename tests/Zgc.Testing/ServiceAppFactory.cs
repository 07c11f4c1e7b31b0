using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zgc.ServiceDefaults;

namespace Zgc.Testing;

/// <summary>
/// Hosts a service (or the standalone composition) in-process on SQLite files in a fresh temporary folder and
/// the in-memory bus; hands out clients signed in as any role.
/// </summary>
public class ServiceAppFactory<TProgram> : WebApplicationFactory<TProgram> where TProgram : class
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "zgc-tests", Guid.NewGuid().ToString("N"));

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Messaging:Transport", "InMemory");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client whose requests carry a token for <paramref name="role"/> (null: anonymous).</summary>
    public HttpClient ClientFor(string? role, string? unit = null, string? subPark = null, string? user = null)
    {
        var client = CreateClient();
        if (role is not null)
        {
            var token = IssueToken(role, unit, subPark, user);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>
    /// Like <see cref="ClientFor"/>, for the end-to-end drivers: it sends a request again when the answer is
    /// <c>409 concurrent-change</c> (see <see cref="ConcurrentChangeRetry"/>).
    /// </summary>
    public HttpClient DriverClientFor(string? role, string? unit = null, string? subPark = null, string? user = null)
    {
        var client = CreateDefaultClient(new ConcurrentChangeRetry());
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IssueToken(role, unit, subPark, user));
        }

        return client;
    }

    public string IssueToken(string role, string? unit = null, string? subPark = null, string? user = null)
    {
        var extra = new Dictionary<string, string>();
        if (unit is not null)
        {
            extra[ZgcClaims.Unit] = unit;
        }

        if (subPark is not null)
        {
            extra[ZgcClaims.SubPark] = subPark;
        }

        var issuer = Services.GetRequiredService<TokenIssuer>();
        return issuer.Issue(user ?? role + "-test-user", user ?? role, [role], extra);
    }

    /// <summary>Runs <paramref name="work"/> against the service's database in a fresh scope.</summary>
    public async Task<T> InDb<TDb, T>(Func<TDb, Task<T>> work) where TDb : DbContext
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TDb>());
    }

    private IHost? _host;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _host = base.CreateHost(builder);
        return _host;
    }

    public override async ValueTask DisposeAsync()
    {
        await BusStarted();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the OS temp folder is cleaned eventually.
        }
    }

    /// <summary>
    /// Waits (at most 5 s) until the bus has started before the host stops it: MassTransit's in-memory bus stopped while its
    /// receive endpoints are still starting threw a NullReferenceException from <c>ReceiveEndpoint.Stop</c> once, in a test
    /// that was over 0.3 s after the host started.
    /// </summary>
    private async Task BusStarted()
    {
        if (_host?.Services.GetService<IBusControl>() is not { } bus)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped as it is: a bus that never became healthy is what some tests are about.
        }
    }
}
