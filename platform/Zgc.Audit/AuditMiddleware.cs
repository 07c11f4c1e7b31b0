using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zgc.ServiceDefaults;

namespace Zgc.Audit;

/// <summary>
/// Appends an entry for every POST, PUT, PATCH or DELETE that reached an endpoint of an audited service (the first path
/// segment is the service's name). The entry is written when the response starts, after the handler committed and the
/// status is final, and before the client sees the answer: a caller who got a response can find its entry. An append
/// that fails is logged as an error and counted; the response is left as it was (docs/audit.md, "Failures").
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, AuditLogRegistry registry, AuditMetrics metrics, ILogger<AuditMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!IsStateChanging(context.Request.Method) || !registry.TryFind(FirstSegment(context.Request.Path), out var log))
        {
            return next(context);
        }

        return Audited(context, log);
    }

    private async Task Audited(HttpContext context, AuditLog log)
    {
        var once = new AppendOnce();
        context.Response.OnStarting(() => Append(context, log, once));
        try
        {
            await next(context);
        }
        catch when (!context.Response.HasStarted)
        {
            // Nothing handled the exception: the server answers 500 and may not start the response through the callbacks.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await Append(context, log, once);
            throw;
        }
    }

    private async Task Append(HttpContext context, AuditLog log, AppendOnce once)
    {
        if (!once.First())
        {
            return;
        }

        try
        {
            if (Describe(context) is { } record)
            {
                // Not the request's token: an aborted request that changed state is still recorded.
                await log.AppendAsync(record, CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // Whatever failed, the request's own outcome stands; the failure is logged and counted instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            metrics.Failed(log.Service);
            LogFailed(logger, e, log.Service, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode,
                context.User.Identity?.IsAuthenticated == true ? context.User.UserId() : "anonymous", context.TraceIdentifier);
        }
    }

    private static AuditRecord? Describe(HttpContext context)
    {
        // The exception handler clears the endpoint and route values before writing its ProblemDetails; it keeps the originals.
        var handled = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = context.GetEndpoint() ?? handled?.Endpoint;
        var status = context.Response.StatusCode;
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;
        if (endpoint is null || (status == StatusCodes.Status401Unauthorized && !authenticated))
        {
            // No endpoint: the service did not handle the request. An anonymous 401 names nobody, and recording it would
            // let anyone lengthen the log at will.
            return null;
        }

        var routeValues = context.Request.RouteValues.Count > 0 ? context.Request.RouteValues : handled?.RouteValues ?? new RouteValueDictionary();
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var method = context.Request.Method.ToUpperInvariant();
        return new AuditRecord
        {
            Kind = AuditKinds.Request,
            Action = name ?? $"{method} {route ?? endpoint.DisplayName}",
            Method = method,
            Route = route,
            EndpointName = name,
            Path = (context.Request.PathBase + context.Request.Path).Value,
            Target = routeValues.ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)),
            StatusCode = status,
            UserId = authenticated ? user.UserId() : null,
            UserName = authenticated ? user.FindFirstValue(ZgcClaims.Name) ?? user.Identity?.Name : null,
            Roles = [.. user.FindAll(c => c.Type is ZgcClaims.Role or ClaimTypes.Role).Select(c => c.Value)],
            RequestId = context.TraceIdentifier,
            TraceId = (context.Features.Get<IHttpActivityFeature>()?.Activity ?? System.Diagnostics.Activity.Current)?.TraceId.ToHexString(),
        };
    }

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static string FirstSegment(PathString path)
    {
        var value = path.Value ?? "";
        var start = value.StartsWith('/') ? 1 : 0;
        var end = value.IndexOf('/', start);
        return end < 0 ? value[start..] : value[start..end];
    }

    private sealed class AppendOnce
    {
        private int _done;

        public bool First() => Interlocked.Exchange(ref _done, 1) == 0;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "AUDIT ENTRY LOST for {Service}: {Method} {Path} answered {Status} for {User} (request {RequestId}) but its audit entry could not be appended")]
    private static partial void LogFailed(ILogger logger, Exception exception, string service, string method, string path, int status, string user, string requestId);
}

/// <summary>Puts <see cref="AuditMiddleware"/> first in the pipeline, so it sees the final status of every request.</summary>
internal sealed class AuditStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AuditMiddleware>();
        next(app);
    };
}

/// <summary>The audited services of this process by name (case-insensitive, as routing is).</summary>
internal sealed class AuditLogRegistry(IEnumerable<AuditedService> services, IServiceProvider provider)
{
    private readonly Dictionary<string, AuditLog> _logs = services.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase)
        .ToDictionary(name => name, name => provider.GetRequiredKeyedService<AuditLog>(name), StringComparer.OrdinalIgnoreCase);

    public bool TryFind(string service, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AuditLog? log) => _logs.TryGetValue(service, out log);
}

/// <summary>Marks that <see cref="AuditExtensions.AddAudit"/> was called for a service.</summary>
internal sealed record AuditedService(string Name);
