using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Zgc.ServiceDefaults;

/// <summary>
/// Marks endpoints whose HTML is a Blazor Web App: it needs an inline import map and inline styles, so it gets
/// <see cref="SecurityHeaders.BlazorPolicy"/> instead of the strict <see cref="SecurityHeaders.StrictPolicy"/>.
/// </summary>
public sealed class BlazorContentSecurityPolicy;

/// <summary>
/// Headers every response carries (issue 11, hardening): no MIME sniffing, no framing by other sites, no full referrer
/// to other origins; and on HTML pages a Content-Security-Policy. The public notice pages and objection form are strict
/// (scripts and everything else only from this origin); the console is a Blazor app and may run its inline import map.
/// </summary>
public static class SecurityHeaders
{
    public const string StrictPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string BlazorPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers when the response starts, so that even error pages carry them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                // A page that set its own (stricter) headers keeps them.
                var headers = context.Response.Headers;
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    var blazor = context.GetEndpoint()?.Metadata.GetMetadata<BlazorContentSecurityPolicy>() is not null;
                    headers.TryAdd("Content-Security-Policy", blazor ? BlazorPolicy : StrictPolicy);
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}

/// <summary>
/// Puts <see cref="SecurityHeaders.UseSecurityHeaders"/> first in the pipeline, before the routing, authentication and
/// authorization that the host adds on its own, so that a 401 or 403 answered there carries the headers too.
/// </summary>
internal sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSecurityHeaders();
        next(app);
    };
}
