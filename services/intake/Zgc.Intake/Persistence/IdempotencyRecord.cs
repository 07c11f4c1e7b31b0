namespace Zgc.Intake.Persistence;

/// <summary>
/// The stored answer to a request made with an <c>Idempotency-Key</c>: a repeat with the same key and the same body
/// gets the same answer; the same key with another body is refused. Written in the same transaction as the change.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 128;

    public string Caller { get; set; } = "";

    /// <summary>Which operation, e.g. <c>create</c> or <c>submit:{id}</c>.</summary>
    public string Operation { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 (hex) of the request body as bound.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string ResponseJson { get; set; } = "";

    public string? Location { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
