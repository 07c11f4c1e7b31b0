using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Zgc.Testing;

namespace Zgc.Security.Tests.Hostile;

/// <summary>
/// Turns every write endpoint of the catalogue into a <see cref="HostileTarget"/>: the first principal the reviewed
/// authorization matrix lets in (so requests reach binding and validation), the body kind from the endpoint's own
/// metadata, and a sample body from its request type. Hints only improve a sample; an endpoint that declares a JSON body
/// without a type and has no hint fails the test instead of being skipped.
/// </summary>
public static class HostileTargets
{
    public static readonly IReadOnlySet<string> WriteMethods = new HashSet<string>(StringComparer.Ordinal) { "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>Bodies known to pass validation, for endpoints whose generated sample would be refused for its own sake.</summary>
    public static readonly IReadOnlyDictionary<string, Func<JsonNode>> Hints = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["PUT /intake/units/mine"] = () => IntakePayloads.Unit(),
        ["POST /intake/applications"] = () => IntakePayloads.Application(),
        ["PUT /intake/applications/{id:guid}"] = () => IntakePayloads.Application(),
        ["POST /intake/applications/{id:guid}/submit"] = () => IntakePayloads.Submit(),
        ["POST /notice/notices/{id:guid}/objections"] = () => new JsonObject
        {
            ["name"] = "李四", ["telephone"] = "13800138000", ["organisation"] = "某研究所", ["reasons"] = "该单位申报材料中的研发投入与实际情况不符，请核查。",
        },
    };

    /// <summary>
    /// Endpoints that save drafts: an application is built up over several visits and checked whole only on submission
    /// (ContentRules.Completeness, R-A13-APPLY), so a body that only leaves values out is a valid, if empty, draft. Their
    /// <see cref="HostileCase.Partial"/> cases are not sent; every other case is.
    /// </summary>
    public static readonly IReadOnlySet<string> DraftEndpoints = new HashSet<string>(StringComparer.Ordinal)
    {
        "POST /intake/applications", "PUT /intake/applications/{id:guid}",
    };

    /// <summary>The multipart field that carries the files (and makes the endpoint a file upload), where it is not <c>file</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> FileParts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /notice/objections/{receiptNumber}/evidence"] = "files",
        ["POST /notice/public/notices/{id:guid}/objection"] = "evidence",
    };

    /// <summary>
    /// Endpoints of any method (no HTTP method metadata): the Blazor circuit hub and its negotiation, and the health checks.
    /// They are the framework's, not the programme's, take no JSON or files, and the authorization matrix covers them with GET.
    /// </summary>
    public static bool IsWrite(EndpointCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return WriteMethods.Contains(call.Method);
    }

    /// <summary>
    /// The first principal the matrix lets in, in its order (anonymous first: a public endpoint is tried as the public);
    /// null when the endpoint has no row yet (AuthorizationMatrixTests reports that; this suite then probes).
    /// </summary>
    public static Principal? Allowed(EndpointCall call, AuthorizationMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Find(call.Key) is { } row
            ? Principal.All.FirstOrDefault(p => row.Cells.GetValueOrDefault(p.Name) == AuthorizationMatrix.Allow) ?? Principal.All[0]
            : null;
    }

    public static HostileTarget Build(EndpointCall call, Principal principal, IReadOnlyDictionary<string, string> knownValues, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(knownValues);
        ArgumentNullException.ThrowIfNull(problems);
        var accepts = call.Endpoint.Metadata.OfType<IAcceptsMetadata>().ToList();
        var types = accepts.SelectMany(a => a.ContentTypes).ToList();
        var kind = BodyKind.None;
        JsonNode? sample = null;
        if (Hints.TryGetValue(call.Key, out var hint))
        {
            kind = BodyKind.Json;
            sample = hint();
        }
        else if (FileParts.ContainsKey(call.Key) || types.Any(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)))
        {
            kind = BodyKind.Multipart;
        }
        else if (accepts.FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(IsJson)) is { } json)
        {
            kind = BodyKind.Json;
            sample = SampleBodies.For(json.RequestType!);
        }
        else if (types.Any(IsJson))
        {
            problems.Add($"{call.Key}: takes JSON of no declared type; add a body to {nameof(HostileTargets)}.{nameof(Hints)}.");
            kind = BodyKind.Other;
        }
        else if (accepts.Count > 0)
        {
            kind = BodyKind.Other;
        }

        if (kind == BodyKind.Json && sample is null)
        {
            problems.Add($"{call.Key}: no sample body could be built; add one to {nameof(HostileTargets)}.{nameof(Hints)}.");
            kind = BodyKind.Other;
        }

        var known = knownValues.Where(k => call.Route.StartsWith(k.Key.Split('|')[0], StringComparison.Ordinal))
            .ToDictionary(k => k.Key.Split('|')[1], k => k.Value, StringComparer.Ordinal);
        return new HostileTarget(call, principal, kind, sample, FileParts.GetValueOrDefault(call.Key, "file"), AnswersWithPages(call.Endpoint), known);
    }

    /// <summary>
    /// Endpoints that answer a browser's form with a page, not ProblemDetails: the console's pages and sign-in, and notice's
    /// public HTML pages. Their refusals may be HTML, and the console's sign-in may answer with a redirect back to its form.
    /// </summary>
    public static bool AnswersWithPages(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.Any(m => m.GetType().Name is "HtmlPageEndpoint" or "ConsoleEndpointMetadata" or "ComponentTypeMetadata" or "RootComponentMetadata");
    }

    private static bool IsJson(string contentType) => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
