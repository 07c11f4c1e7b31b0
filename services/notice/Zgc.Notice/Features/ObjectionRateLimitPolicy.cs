using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Zgc.Notice.Features.Pages;
using Zgc.ServiceDefaults;

namespace Zgc.Notice.Features;

/// <summary>
/// One budget of objection submissions per client address, shared by the JSON endpoint, the HTML form and evidence uploads
/// (so switching channels does not multiply it). A refusal says why and when to try again: a page for the form,
/// ProblemDetails for the API.
/// </summary>
internal sealed class ObjectionRateLimitPolicy(IOptions<NoticeOptions> options) : IRateLimiterPolicy<string>
{
    public const string Rule = "objection-rate-limit";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => Reject;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var limits = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.ObjectionsPerWindow,
            Window = limits.ObjectionWindow,
            QueueLimit = 0,
        });
    }

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = TimeSpan.FromMinutes(1);
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            wait = retryAfter;
        }

        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var zh = $"提交过于频繁，请于{minutes}分钟后再试。";
        if (http.GetEndpoint()?.Metadata.GetMetadata<HtmlPageEndpoint>() is not null)
        {
            RuleProblem.SetRetryAfter(http, wait);
            await new HtmlPage("提交过于频繁", Html.Of($"""<h1>提交过于频繁</h1><p class="refusal" role="alert">{zh}</p>"""),
                StatusCodes.Status429TooManyRequests) { NoStore = true }.ExecuteAsync(http);
            return;
        }

        await RuleProblem.WriteAsync(http, RuleProblem.Create(StatusCodes.Status429TooManyRequests, Rule,
            "Too many objection submissions from this address.", $"Try again in {minutes} minute(s).", zh), wait);
    }
}
