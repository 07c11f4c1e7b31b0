using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>
/// The named rate-limit policies an endpoint opts into with <c>RequireRateLimiting(RateLimitPolicies.…)</c>. Each
/// partitions by client address with a one-minute fixed window; a refusal is a 429 ProblemDetails with Retry-After.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in: slows password guessing (Limits:SignInPerMinute).</summary>
    public const string SignIn = "zgc-sign-in";

    /// <summary>Anonymous public pages and APIs: keeps one client from starving the rest (Limits:PublicPerMinute).</summary>
    public const string Public = "zgc-public";

    public const string Rule = "rate-limit";

    internal static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = Reject;
        options.AddPolicy(SignIn, http => PerAddress(http, SignIn, http.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.SignInPerMinute));
        options.AddPolicy(Public, http => PerAddress(http, Public, http.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.PublicPerMinute));
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, string policy, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(policy + "|" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = 60;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        }

        await RuleProblem.WriteAsync(context.HttpContext, RuleProblem.Create(StatusCodes.Status429TooManyRequests, Rule,
                "Too many requests from this address.", $"Try again in {seconds} second(s).", $"请求过于频繁，请于{seconds}秒后再试。"),
            TimeSpan.FromSeconds(seconds));
    }
}
