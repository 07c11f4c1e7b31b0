using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.StaticAssets.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Zgc.Console.Api;
using Zgc.Console.Auth;
using Zgc.Console.Components;
using Zgc.Console.Localization;
using Zgc.ServiceDefaults;

namespace Zgc.Console;

/// <summary>
/// The one list of everything the console registers and maps. It owns nothing but its users and their sign-ins: every
/// page reads the services over their HTTP APIs with the signed-in user's bearer token.
/// </summary>
public static class ConsoleModule
{
    public const string Name = "console";

    /// <summary>The named <see cref="HttpClient"/> for the services' APIs; its base address is <c>Console:ApiBaseUrl</c>.</summary>
    public const string ApiClientName = "zgc-api";

    /// <summary>
    /// Users (<c>Console:Users</c>, <c>Console:DevPassword</c>), the <c>console-cookie</c> scheme beside the default JWT
    /// bearer scheme, the <c>console</c> policy, Razor components with interactive server rendering, and the API client.
    /// Call after <c>AddServiceDefaults</c> (which provides <see cref="TokenIssuer"/> and the JWT scheme).
    /// </summary>
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ConsoleOptions>().Bind(builder.Configuration.GetSection(ConsoleOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenIssuer>();
        services.TryAddSingleton<ConsoleUsers>();
        services.TryAddSingleton<ConsoleSignIn>();
        services.TryAddSingleton<ApiBaseAddress>();

        // A second scheme, not a new default: the APIs keep authenticating bearer tokens only.
        services.AddAuthentication().AddCookie(ConsoleAuth.Scheme, o =>
        {
            o.Cookie.Name = ConsoleAuth.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = ConsoleAuth.LoginPath;
            o.LogoutPath = ConsoleAuth.LogoutPath;
            o.AccessDeniedPath = ConsoleAuth.AccessDeniedPath;
            o.ReturnUrlParameter = ConsoleAuth.ReturnUrlParameter;
            o.SlidingExpiration = false; // the cookie must not outlive the access token inside it
            // Real time, like the token inside it: on a simulated or test clock (the programme's TimeProvider) a jump of
            // days would otherwise sign everybody out.
            o.TimeProvider = TimeProvider.System;
        });
        services.AddOptions<CookieAuthenticationOptions>(ConsoleAuth.Scheme)
            .Configure<IOptions<AuthOptions>>((o, auth) => o.ExpireTimeSpan = auth.Value.TokenLifetime);
        services.AddAuthorization(o => o.AddPolicy(ConsoleAuth.Policy, p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser()));

        services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        services.AddCascadingAuthenticationState();

        services.AddHttpClient(ApiClientName, (sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<ApiBaseAddress>().Resolve();
            client.Timeout = sp.GetRequiredService<IOptionsMonitor<ConsoleOptions>>().CurrentValue.ApiTimeout;
        });
        services.TryAddScoped<ZgcApi>();
        services.AddHostedService<Notifications.NotificationMailer>();
        return builder;
    }

    /// <summary>
    /// The sign-in endpoints (<c>/auth/token</c>, <c>/auth/users</c>, <c>/auth/login</c>, <c>/logout</c>), static assets and
    /// the console's pages. Call once, after <c>MapDefaultEndpoints</c>.
    /// </summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        app.Use(ConsoleRequest);
        app.UseAntiforgery();

        // The app's static assets manifest holds the console's stylesheet and blazor.web.js, in its own host and in the
        // standalone host (which picks them up from this project). Mapped once per process: a host or another module
        // that already mapped it would otherwise make every asset route ambiguous.
        if (!StaticAssetsEndpointDataSourceHelper.HasStaticAssetsDataSource(app, null))
        {
            app.MapStaticAssets();
        }

        AuthEndpoints.Map(app);
        DocumentDownloads.Map(app);
        Notifications.ReadMarks.Map(app);
        app.MapRazorComponents<App>()
            // Blazor would send its own "frame-ancestors 'self'"; the platform's fuller policy (SecurityHeaders) says 'none'.
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .WithMetadata(ConsoleEndpointMetadata.Instance)
            .WithMetadata(new BlazorContentSecurityPolicy());
        return app;
    }

    /// <summary>
    /// On the console's own endpoints (pages, the Blazor hub, the sign-in form) the user is the one of the console cookie,
    /// whatever else the request carries; the interactive circuit takes its user from the hub request, so this is what
    /// lets it see who signed in. Also remembers a language chosen with <c>?lang=</c>.
    /// </summary>
    private static async Task ConsoleRequest(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ConsoleEndpointMetadata>() is not null)
        {
            var result = await context.AuthenticateAsync(ConsoleAuth.Scheme);
            context.User = result.Succeeded ? result.Principal : new ClaimsPrincipal(new ClaimsIdentity());
            UiLanguage.Remember(context);
        }

        await next(context);
    }
}
