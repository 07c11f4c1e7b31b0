using System.Diagnostics;

namespace Zgc.Audit;

/// <summary>
/// What a caller of <see cref="IAuditLog.AppendAsync"/> states about an action; the log adds the sequence, the time
/// and the hashes. For a decision taken in a message consumer, name the decision in <see cref="Action"/>, the person who
/// took it in <see cref="UserId"/>, and what it was about in <see cref="Target"/>.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>What happened, as a short stable name, e.g. <c>committee-decision</c>.</summary>
    public required string Action { get; init; }

    public string? UserId { get; init; }

    public string? UserName { get; init; }

    public IReadOnlyCollection<string> Roles { get; init; } = [];

    /// <summary>What was acted on, e.g. <c>{ ["applicationId"] = "…" }</c>.</summary>
    public IReadOnlyDictionary<string, string?> Target { get; init; } = new Dictionary<string, string?>();

    public int? StatusCode { get; init; }

    public string? Detail { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Defaults to the trace of <see cref="Activity.Current"/> when the record is appended.</summary>
    public string? TraceId { get; init; }

    // Set by the request middleware only: an explicit append is an event, not a request.
    internal string Kind { get; init; } = AuditKinds.Event;

    internal string? Method { get; init; }

    internal string? Route { get; init; }

    internal string? EndpointName { get; init; }

    internal string? Path { get; init; }
}
