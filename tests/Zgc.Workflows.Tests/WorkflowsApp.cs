using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Intake.Contracts;
using Zgc.Testing;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests;

/// <summary>
/// The workflows service with a second policy version that takes effect in 2090: today's submissions keep the 2019
/// measures, and a test that submits "in 2090" sees the other figures (two construction years, reports due in 10 days, seven-working-day notices).
/// </summary>
public sealed class WorkflowsApp : WorkflowsAppBase
{
    public const string FuturePolicy = "2090-test/v2";

    public static readonly DateTimeOffset FuturePolicyDay = new(2090, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Policy:Versions:0:Version"] = FuturePolicy,
        ["Policy:Versions:0:EffectiveFrom"] = "2090-01-01",
        ["Policy:Versions:0:ConstructionYears"] = "2",
        ["Policy:Versions:0:AnnualReportDueDays"] = "10",
        ["Policy:Versions:0:NoticeWorkingDays"] = "7",
        ["Metrics:SampleInterval"] = "00:00:01",
    };
}

public class WorkflowsAppBase : ServiceAppFactory<Program>
{
    public IBus Bus => Services.GetRequiredService<IBus>();

    public static ApplicationSubmitted Submitted(Guid id) => new(id, "91110108MA01ABCD1X", "北京示例科技有限公司", "示例平台", "bio-health", "haidian",
        60_000_000_00, "applicant", DateTimeOffset.UtcNow);

    public Task<string?> StateOf(Guid id) => InDb<WorkflowsDbContext, string?>(db =>
        db.Instances.AsNoTracking().Where(i => i.CorrelationId == id).Select(i => i.CurrentState).SingleOrDefaultAsync());

    public Task WaitForState(Guid id, string state) =>
        Eventually.True(async () => await StateOf(id) == state, $"instance {id} in {state}");

    /// <summary>Submitted and recommended by the sub-park: the instance waits for its expert panel.</summary>
    public async Task ToExpertReview(Guid id, CancellationToken cancellationToken)
    {
        await Bus.Publish(Submitted(id), cancellationToken);
        await WaitForState(id, "SubParkReview");
        await Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), cancellationToken);
        await WaitForState(id, "ExpertReview");
    }
}
