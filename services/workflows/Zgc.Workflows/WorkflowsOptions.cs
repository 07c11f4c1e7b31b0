namespace Zgc.Workflows;

/// <summary>The <c>Workflows</c> configuration section: how long an instance may wait in a state before operators are alerted.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>Expert review (from the recommendation to the meeting decision) open longer than this raises an alert.</summary>
    public TimeSpan ExpertReviewLimit { get; set; } = TimeSpan.FromDays(30);

    /// <summary>An active instance that has not moved for this long is listed among the incidents as stalled.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Where each service answers (base address, e.g. <c>http://10.0.0.5:8080</c>) for the incidents view, which collects
    /// every service's faulted messages. A service not listed is asked at the request's own origin: in the standalone
    /// host every service answers there.
    /// </summary>
    public Dictionary<string, Uri> ServiceAddresses { get; } = new(StringComparer.OrdinalIgnoreCase);
}
