using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Zgc.ServiceDefaults;

/// <summary>
/// The platform's refusal, one shape everywhere (DESIGN.md, Input): a ProblemDetails whose type is the rule's address,
/// with the rule's name, the reason in English (<c>detail</c>) and Chinese (<c>detailZh</c>), and the field when one is to
/// blame. The exception handler, the limits (body size, in-flight, rate) and the services' own refusals all build it here.
/// </summary>
public static class RuleProblem
{
    public const string TypeBase = "https://zgc-platform.example/rules/";

    public static ProblemDetails Create(int status, string rule, string title, string detail, string? detailZh, string? field = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeBase + rule };
        problem.Extensions["rule"] = rule;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        if (detailZh is not null)
        {
            problem.Extensions["detailZh"] = detailZh;
        }

        return problem;
    }

    /// <summary>
    /// Writes <paramref name="problem"/> as the response (outside MVC: middleware and rate-limiter callbacks), with
    /// <c>Retry-After</c> when the client may simply try again later.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, ProblemDetails problem, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(problem);
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        if (retryAfter is { } wait)
        {
            SetRetryAfter(http, wait);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary><c>Retry-After</c> in whole seconds, at least one: for refusals that are not ProblemDetails (an HTML page).</summary>
    public static void SetRetryAfter(HttpContext http, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
