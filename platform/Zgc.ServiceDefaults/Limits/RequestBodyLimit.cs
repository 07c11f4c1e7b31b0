using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
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

    private static Task Refuse(HttpContext context, long limit) =>
        RuleProblem.WriteAsync(context, RuleProblem.Create(StatusCodes.Status413PayloadTooLarge, Rule, "The request body is too large.",
            string.Create(CultureInfo.InvariantCulture, $"The body may be at most {limit:N0} bytes; this one declares {context.Request.ContentLength:N0}."),
            string.Create(CultureInfo.InvariantCulture, $"请求内容过大：最多 {limit:N0} 字节。")));
}
