using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Zgc.Security.Tests;

/// <summary>One method on one route: a row of the authorization matrix.</summary>
public sealed record EndpointCall(string Method, string Route, RouteEndpoint Endpoint)
{
    /// <summary>The key of the row: method and route pattern as mapped.</summary>
    public string Key => Method + " " + Route;

    /// <summary>
    /// The route with every parameter filled: a fresh GUID for a <c>guid</c> parameter (so it names nothing that exists),
    /// this year for an <c>int</c> or a year, today for a date, <c>placeholder</c> otherwise.
    /// </summary>
    public string Url()
    {
        var segments = new List<string>();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => Uri.EscapeDataString(Sample(parameter)),
                _ => "",
            }));
            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private static string Sample(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        var name = parameter.Name.ToLowerInvariant();
        if (constraints.Any(c => c.StartsWith("guid", StringComparison.OrdinalIgnoreCase)))
        {
            return Guid.NewGuid().ToString();
        }

        if (constraints.Any(c => c.StartsWith("int", StringComparison.OrdinalIgnoreCase) || c.StartsWith("long", StringComparison.OrdinalIgnoreCase))
            || name.Contains("year", StringComparison.Ordinal))
        {
            return DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        }

        if (constraints.Any(c => c.Equals("file", StringComparison.OrdinalIgnoreCase)))
        {
            return "placeholder.txt";
        }

        return name.Contains("date", StringComparison.Ordinal) ? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "placeholder";
    }
}

/// <summary>
/// Every endpoint the host maps, read from its <see cref="EndpointDataSource"/> (the composite of every data source
/// the services, the console and the defaults registered), so a new endpoint cannot be missed by a hand-kept list.
/// </summary>
public static class EndpointCatalogue
{
    /// <summary>HEAD answers like GET on every route that has both; an endpoint of any method is called with GET.</summary>
    public const string AnyMethod = "ANY";

    public static IReadOnlyList<EndpointCall> Calls(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var source = services.GetRequiredService<EndpointDataSource>();
        var calls = new List<EndpointCall>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>().Where(e => !IsStaticAsset(e)))
        {
            var route = Normalise(endpoint.RoutePattern.RawText ?? "");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Count == 0)
            {
                calls.Add(new EndpointCall(AnyMethod, route, endpoint));
                continue;
            }

            foreach (var method in methods.Where(m => m != HttpMethods.Head || !methods.Contains(HttpMethods.Get)))
            {
                calls.Add(new EndpointCall(method.ToUpperInvariant(), route, endpoint));
            }
        }

        return [.. calls.DistinctBy(c => c.Key).OrderBy(c => c.Route, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Static files (the console's stylesheet, blazor.web.js): public by nature, and their fingerprinted routes change
    /// with every edit of a file, so they would make the reviewed file churn without saying anything about access.
    /// </summary>
    public static bool IsStaticAsset(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor")
            || (endpoint.DisplayName ?? "").StartsWith("Static Asset", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalise(string raw) => raw.StartsWith('/') ? raw : "/" + raw;
}
