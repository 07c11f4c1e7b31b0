using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Intake.Contracts;
using Zgc.Testing;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests;

public sealed class WorkflowsApp : WorkflowsAppBase;

public class WorkflowsAppBase : ServiceAppFactory<Program>
{
    public IBus Bus => Services.GetRequiredService<IBus>();

    public static ApplicationSubmitted Submitted(Guid id) => new(id, "91110108MA01ABCD1X", "北京示例科技有限公司", "示例平台", "bio-health", "haidian",
        60_000_000_00, "applicant", DateTimeOffset.UtcNow);

    public Task<string?> StateOf(Guid id) => InDb<WorkflowsDbContext, string?>(db =>
        db.Instances.AsNoTracking().Where(i => i.CorrelationId == id).Select(i => i.CurrentState).SingleOrDefaultAsync());

    public Task WaitForState(Guid id, string state) =>
        Eventually.True(async () => await StateOf(id) == state, $"instance {id} in {state}");
}
