namespace Zgc.Audit;

/// <summary>
/// One link of a service's audit chain (docs/audit.md). Rows are only ever inserted: nothing in the code updates
/// or deletes one. <see cref="Hash"/> covers <see cref="PreviousHash"/> and every other field (see <see cref="AuditCanonicalForm"/>),
/// so a changed, removed or reordered row shows when the chain is verified.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The service whose log this is; with <see cref="Sequence"/> the key.</summary>
    public required string Service { get; init; }

    /// <summary>1, 2, 3, … per service, without gaps.</summary>
    public required long Sequence { get; init; }

    /// <summary>UTC, truncated to whole milliseconds (what every supported engine stores exactly).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary><see cref="AuditKinds.Request"/> for an HTTP request, <see cref="AuditKinds.Event"/> for an explicit append.</summary>
    public required string Kind { get; init; }

    /// <summary>Who: the user id (token subject); null for an anonymous caller or a system action.</summary>
    public string? UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The caller's roles, sorted and comma-separated; empty when none.</summary>
    public required string Roles { get; init; }

    /// <summary>What: the endpoint name for a request (else method and route), the caller's action name for an event.</summary>
    public required string Action { get; init; }

    public string? Method { get; init; }

    /// <summary>The route pattern as mapped, e.g. <c>/intake/applications/{id:guid}/submit</c>.</summary>
    public string? Route { get; init; }

    public string? EndpointName { get; init; }

    /// <summary>The request path as received (without the query string).</summary>
    public string? Path { get; init; }

    /// <summary>What was acted on: route values (or the caller's target) as <c>key=value&amp;…</c>, keys sorted, both escaped.</summary>
    public required string Target { get; init; }

    /// <summary>The outcome: the HTTP status code of the response (optional for events).</summary>
    public int? StatusCode { get; init; }

    /// <summary>The request's <c>HttpContext.TraceIdentifier</c>.</summary>
    public string? RequestId { get; init; }

    /// <summary>The W3C trace id of the activity the entry was written in, to find the trace.</summary>
    public string? TraceId { get; init; }

    /// <summary>A short free text an explicit append may carry (e.g. the decision taken).</summary>
    public string? Detail { get; init; }

    /// <summary>The <see cref="Hash"/> of the entry before (64 zeros for the first entry).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="PreviousHash"/>, a line feed and the canonical form.</summary>
    public string Hash { get; internal set; } = "";
}

/// <summary>The values of <see cref="AuditEntry.Kind"/>.</summary>
public static class AuditKinds
{
    public const string Request = "request";
    public const string Event = "event";
}
