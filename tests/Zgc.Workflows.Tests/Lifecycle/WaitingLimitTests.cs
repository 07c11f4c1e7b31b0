using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Contracts;
using Zgc.Messaging;
using Zgc.Review.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Lifecycle;

/// <summary>The state machine's durable timers: a waiting limit fires once when due, and never once the instance moved on.</summary>
public sealed class WaitingLimitTests(ShortLimitWorkflowsApp app) : IClassFixture<ShortLimitWorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> InExpertReview()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsAppBase.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "ExpertReview");
        return id;
    }

    private Task<PlatformLifecycle> Instance(Guid id) =>
        app.InDb<WorkflowsDbContext, PlatformLifecycle>(db => db.Instances.AsNoTracking().SingleAsync(i => i.CorrelationId == id, Ct));

    [Fact, Trait("Req", "S-OPS")]
    public async Task Expert_review_open_too_long_raises_an_alert_once_and_operators_see_the_timer_before()
    {
        var id = await InExpertReview();
        using var admin = app.ClientFor(Roles.Admin);
        var timers = await admin.GetFromJsonAsync<List<PendingTimer>>("/workflows/timers", Ct);
        Assert.Contains(timers!, t => t.MessageType.EndsWith("ExpertReviewOverdue", StringComparison.Ordinal) && t.DueTime > DateTimeOffset.UtcNow.AddSeconds(-1)
            && t.CorrelationId == id);

        await Eventually.True(async () => (await Instance(id)).WaitingAlert == "ExpertReviewOverdue", "the waiting alert", TimeSpan.FromSeconds(20));
        var instance = await Instance(id);
        Assert.Equal("ExpertReview", instance.CurrentState);
        Assert.NotNull(instance.WaitingAlertAt);
        await Eventually.True(() => app.InDb<WorkflowsDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("LifecycleWaitingTooLong") && m.Body.Contains(id.ToString()), Ct)), "LifecycleWaitingTooLong published");
        var overdueDeliveries = await app.InDb<WorkflowsDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ExpertReviewOverdue") && m.Body.Contains(id.ToString()), Ct));
        Assert.Equal(1, overdueDeliveries);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_decision_before_the_limit_cancels_the_timer()
    {
        var id = await InExpertReview();
        await app.Bus.Publish(new PlatformRejected(id, "不符合条件", "committee", DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "Rejected");

        var pending = await app.InDb<WorkflowsDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ExpertReviewOverdue") && m.Body.Contains(id.ToString()), Ct));
        Assert.Equal(0, pending);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Null((await Instance(id)).WaitingAlert);
    }
}
