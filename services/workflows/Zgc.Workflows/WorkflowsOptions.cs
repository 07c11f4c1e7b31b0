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
    /// The instance list counts its matches exactly up to this many; beyond it the answer says only that there are more
    /// (<c>X-Total-Count-Exceeds</c>). Counting reads every match, so at 100,000 instances an exact total cost more than
    /// the page itself (docs/performance.md, fix 12).
    /// </summary>
    public int ExactTotalUpTo { get; set; } = 10_000;

    /// <summary>
    /// The longest an instance page's long poll (<c>Prefer: wait=N</c>) is held open; a longer wait asked for is cut to this
    /// and the answer says so (<c>Preference-Applied</c>). Default 30 s, below the idle timeouts of common proxies.
    /// </summary>
    public TimeSpan InstanceWatchMaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a held long poll reads the instance's version again. A commit of this process wakes it at once; this is
    /// for commits by another replica of the service, which the process does not hear about. Default 1 s.
    /// </summary>
    public TimeSpan InstanceWatchRecheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where each service answers (base address, e.g. <c>http://10.0.0.5:8080</c>) for the incidents view, which collects
    /// every service's faulted messages. A service not listed is asked at the request's own origin: in the standalone
    /// host every service answers there.
    /// </summary>
    public Dictionary<string, Uri> ServiceAddresses { get; } = new(StringComparer.OrdinalIgnoreCase);
}
