namespace Zgc.Workflows;

/// <summary>The <c>Workflows</c> configuration section: how long an instance may wait in a state before operators are alerted.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Workflows";

    /// <summary>Expert review (from the recommendation to the meeting decision) open longer than this raises an alert.</summary>
    public TimeSpan ExpertReviewLimit { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Days after the end of a construction year by which its annual report is due (R-A14-ANNUAL). The measures set no
    /// date; a month gives the platform time to close its books.
    /// </summary>
    public int AnnualReportDueDays { get; set; } = 30;
}
