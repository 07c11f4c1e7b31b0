using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>Registers and applies the shared request limits (issue 11, hardening).</summary>
public static class RequestLimitsExtensions
{
    internal static void AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Limits:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.SignInPerMinute > 0 && o.PublicPerMinute > 0, "Limits:SignInPerMinute and Limits:PublicPerMinute must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(RateLimitPolicies.Add);
    }

    /// <summary>After routing (so endpoint metadata is known), before the endpoints: size first, then rates.</summary>
    internal static void UseRequestLimits(this WebApplication app)
    {
        app.UseRequestBodyLimit();
        app.UseRateLimiter();
    }
}
