using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>
/// Refuses a request body larger than <see cref="RequestLimitsOptions.MaxRequestBodyBytes"/> with a 413 ProblemDetails
/// before anything reads it, so a huge JSON document costs neither memory nor a half-done write. Multipart uploads are
/// left to their endpoints, which know their own limits (attachments, evidence). A declared length is checked at once;
/// a chunked body is cut off by the server at the same limit, which the exception handler turns into the same 413.
/// </summary>
internal static class RequestBodyLimit
{
    public const string Rule = "request-size";

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = LimitFor(context);
            if (limit is { } bytes)
            {
                if (context.Request.ContentLength > bytes)
                {
                    await Refuse(context, bytes);
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                {
                    feature.MaxRequestBodySize = bytes;
                }
            }

            await next(context);
        });

    private static long? LimitFor(HttpContext context)
    {
        if (context.Request.HasFormContentType && context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            return null;
        }

        var endpointLimit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        return endpointLimit is not null
            ? endpointLimit.MaxRequestBodySize
            : context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxRequestBodyBytes;
    }

    private static async Task Refuse(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request body is too large.",
            Detail = string.Create(CultureInfo.InvariantCulture, $"The body may be at most {limit:N0} bytes; this one declares {context.Request.ContentLength:N0}."),
            Type = "https://zgc-platform.example/rules/" + Rule,
        };
        problem.Extensions["rule"] = Rule;
        problem.Extensions["detailZh"] = string.Create(CultureInfo.InvariantCulture, $"请求内容过大：最多 {limit:N0} 字节。");
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
