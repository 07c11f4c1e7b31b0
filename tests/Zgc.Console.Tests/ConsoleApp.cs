using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Testing;

namespace Zgc.Console.Tests;

/// <summary>
/// The console alone, in-process. No workflows service runs here: the console's API client is pointed at this same
/// in-memory server, where no <c>/workflows</c> route exists, so its pages meet a real "404 from the API".
/// Subclasses can answer the API themselves (<see cref="FakeApi"/>).
/// </summary>
public class ConsoleApp : ServiceAppFactory<Program>
{
    public const string DevPassword = ConsoleOptions.DefaultDevPassword;

    /// <summary>When set, the console's API calls go here instead of into this server.</summary>
    protected virtual FakeApi? Api => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHttpClient(ConsoleModule.ApiClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Api is { } api ? new FakeApiHandler(api) : Server.CreateHandler()));
    }

    /// <summary>A browser-like client: it keeps cookies and does not follow redirects, so tests can see them.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Fills in and posts the sign-in form as a browser would (antiforgery token included).</summary>
    public static async Task<HttpResponseMessage> SignIn(HttpClient browser, string userName, string password = DevPassword, string returnUrl = "/")
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.GetStringAsync("/login", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        return await browser.PostAsync("/auth/login", form, ct);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The sign-in form carries an antiforgery token.");
        return match.Groups[1].Value;
    }

    /// <summary>The page's text with HTML entities decoded (Blazor encodes non-ASCII characters).</summary>
    public static async Task<string> Html(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
}

/// <summary>A console whose API calls all go to <see cref="Fake"/>: subclasses give it their canned answers.</summary>
public abstract class ConsoleAppWithFakeApi : ConsoleApp
{
    public FakeApi Fake { get; } = new();

    protected override FakeApi? Api => Fake;
}
