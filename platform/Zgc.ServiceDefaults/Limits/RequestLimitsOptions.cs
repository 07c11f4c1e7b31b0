namespace Zgc.ServiceDefaults.Limits;

/// <summary>
/// Request size and rate limits every service shares (section <c>Limits</c>). The defaults suit the programme's size: a
/// complete application is a few tens of kilobytes of JSON; sign-ins and public pages are what the internet can reach.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Limits";

    /// <summary>
    /// Largest body of a request that is not a multipart upload (JSON, CSV, forms). Uploads set their own limits, and an
    /// endpoint may set another with <see cref="Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata"/>. Default 1 MiB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sign-in attempts (<c>/auth/token</c>, the browser form) per client address per minute. Default 30.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Requests to the public, anonymous pages and APIs (notices, their feed, the calendar) per client address per minute. Default 300.</summary>
    public int PublicPerMinute { get; set; } = 300;

    /// <summary>
    /// API requests this process works on at once; more wait their turn in arrival order (see
    /// <see cref="InFlightLimit"/>). 0 turns the limit off. Default 32: on a 2-core machine a service is busiest at
    /// 8–16 requests in flight; the rest only wait longer inside.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>API requests that may wait for a turn; one more is refused with 503 and Retry-After. Default 1000.</summary>
    public int RequestQueueLimit { get; set; } = 1000;

    /// <summary>
    /// Client connections (keep-alive ones included) Kestrel holds open at once, so that they never take the descriptors
    /// the databases need (see <see cref="ConnectionLimit"/>); more are closed as they arrive. Unset: the process's
    /// descriptor limit less a quarter, of which seven eighths (13,125 of 20,000), and a seventh of this again for upgraded
    /// connections (WebSockets); 0 turns the cap off. Kestrel's own <c>Kestrel:Limits:MaxConcurrentConnections</c>, when
    /// set, wins.
    /// </summary>
    public long? MaxConcurrentConnections { get; set; }
}
