using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Zgc.Security.Tests.Hostile;

/// <summary>What an endpoint takes in its body, read from its metadata.</summary>
public enum BodyKind
{
    /// <summary>Declares no body: hostile route and query values, and a body it should not be reading anyway.</summary>
    None,

    /// <summary>Binds a JSON body of a known type (or has a hint).</summary>
    Json,

    /// <summary>Takes files as multipart/form-data.</summary>
    Multipart,

    /// <summary>Takes a form or a type it declares without saying how to build one: gets every generic body case.</summary>
    Other,
}

/// <summary>One write endpoint prepared for the hostile cases: who calls it, with which ids, and what a valid body looks like.</summary>
public sealed record HostileTarget(EndpointCall Call, Principal Principal, BodyKind Kind, JsonNode? Sample, string FilePart, bool AnswersWithPages,
    IReadOnlyDictionary<string, string> KnownValues)
{
    public HttpMethod Method => new(Call.Method);

    /// <summary>The route filled in: known ids where the setup made some, otherwise a fresh GUID, this year, or a placeholder.</summary>
    public string Url(string? parameter = null, string? value = null)
    {
        var segments = new List<string>();
        foreach (var segment in Call.Endpoint.RoutePattern.PathSegments)
        {
            segments.Add(string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart p => Uri.EscapeDataString(p.Name == parameter ? value! : Fill(p)),
                _ => "",
            })));
        }

        return "/" + string.Join('/', segments);
    }

    public IReadOnlyList<string> Parameters => [.. Call.Endpoint.RoutePattern.Parameters.Select(p => p.Name)];

    private string Fill(RoutePatternParameterPart parameter)
    {
        if (KnownValues.TryGetValue(parameter.Name, out var known))
        {
            return known;
        }

        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Any(c => c.StartsWith("guid", StringComparison.OrdinalIgnoreCase)))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Any(c => c.StartsWith("int", StringComparison.OrdinalIgnoreCase) || c.StartsWith("long", StringComparison.OrdinalIgnoreCase))
            || parameter.Name.Contains("year", StringComparison.OrdinalIgnoreCase)
            ? DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture)
            : "placeholder";
    }
}
