namespace Zgc.Workflows.Tests;

/// <summary>The workflows service with a two-second expert-review limit, so waiting-limit timers fire during a test.</summary>
public sealed class ShortLimitWorkflowsApp : WorkflowsAppBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:ExpertReviewLimit"] = "00:00:02",
    };
}
