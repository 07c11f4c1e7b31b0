namespace Zgc.Testing;

/// <summary>
/// The whole programme as the end-to-end tests see it: a client per service and actor, and a clock the test moves. The
/// standalone composition answers every service at one address; separate processes each at their own.
/// </summary>
public interface IProgrammeHost
{
    /// <summary>
    /// A client for <paramref name="service"/> (intake, review, notice, funding, monitoring, workflows) whose requests carry a
    /// token for <paramref name="role"/> (null: anonymous). The caller disposes it.
    /// </summary>
    HttpClient Client(string service, string? role, string? unit = null, string? subPark = null, string? user = null);

    /// <summary>The programme's current time (the services' TimeProvider).</summary>
    Task<DateTimeOffset> Now();

    /// <summary>Moves every service's clock forward by <paramref name="by"/>; timers that fall due then fire.</summary>
    Task Advance(TimeSpan by);
}
