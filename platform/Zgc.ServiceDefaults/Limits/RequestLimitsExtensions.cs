using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>Registers and applies the shared request limits (issue 11, hardening).</summary>
public static class RequestLimitsExtensions
{
    internal static void AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Limits:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.SignInPerMinute > 0 && o.PublicPerMinute > 0, "Limits:SignInPerMinute and Limits:PublicPerMinute must be positive.")
            .Validate(o => o.MaxConcurrentRequests >= 0, "Limits:MaxConcurrentRequests must be 0 (no limit) or more.")
            .Validate(o => o.RequestQueueLimit >= 0, "Limits:RequestQueueLimit must be 0 or more.")
            .Validate(o => o.MaxConcurrentConnections is null or >= 0, "Limits:MaxConcurrentConnections must be 0 (no limit) or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>, ConnectionLimit.ConfigureKestrel>();
        builder.Services.AddRateLimiter(RateLimitPolicies.Add);
    }

    /// <summary>
    /// After routing (so endpoint metadata is known), before the endpoints: size first, then rates (both refuse at once),
    /// then the turn in the in-flight line, which may wait.
    /// </summary>
    internal static void UseRequestLimits(this WebApplication app)
    {
        app.UseRequestBodyLimit();
        app.UseRateLimiter();
        app.UseInFlightLimit();
    }
}
