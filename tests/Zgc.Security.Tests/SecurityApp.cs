using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Console;
using Zgc.Testing;

namespace Zgc.Security.Tests;

/// <summary>
/// The standalone composition in-process (six services and the console, in-memory bus, SQLite files), with the
/// console's API client pointed back into this in-memory server so its pages read real answers instead of trying
/// the network.
/// </summary>
public class SecurityApp : ServiceAppFactory<Zgc.Standalone.Program>
{
    /// <summary>
    /// The suites sign every role in many times from one (test) address; the sign-in and public rate limits have their own
    /// tests (Console and Notice), so here they are out of the way.
    /// </summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Limits:SignInPerMinute"] = "100000",
        ["Limits:PublicPerMinute"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHttpClient(ConsoleModule.ApiClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler()));
    }

    /// <summary>A browser-like client: keeps cookies and does not follow redirects, so a sign-in redirect can be seen.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
