namespace Zgc.Workflows.Tests;

/// <summary>The workflows service counting list totals exactly only up to two, so a test can pass the limit with three instances.</summary>
public sealed class SmallTotalWorkflowsApp : WorkflowsAppBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:ExactTotalUpTo"] = "2",
    };
}
