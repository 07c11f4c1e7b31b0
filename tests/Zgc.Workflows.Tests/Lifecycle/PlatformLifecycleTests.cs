using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Contracts;
using Zgc.Notice.Contracts;
using Zgc.Review.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Lifecycle;

public sealed class PlatformLifecycleTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-SERVICES")]
    public async Task A_submitted_application_starts_a_lifecycle_with_its_policy_version_and_history()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");

        var instance = await app.InDb<WorkflowsDbContext, PlatformLifecycle?>(db => db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.CorrelationId == id, Ct));
        Assert.Equal(Zgc.SharedKernel.Policy.ProgrammePolicy.TrialMeasures2019.Version, instance!.PolicyVersion);
        Assert.Equal(1, instance.Version);
        var history = await app.InDb<WorkflowsDbContext, List<LifecycleTransition>>(db => db.Transitions.Where(t => t.InstanceId == id).ToListAsync(Ct));
        var step = Assert.Single(history);
        Assert.Equal(("Initial", "SubParkReview"), (step.FromState, step.ToState));
        Assert.NotNull(step.MessageId);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_recommendation_commands_review_to_open_a_case()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");

        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", "推荐", DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "ExpertReview");

        await Eventually.True(() => app.InDb<WorkflowsDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("OpenReviewCase") && m.Body.Contains(id.ToString()), Ct)), "OpenReviewCase in the outbox");
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task Approval_leads_to_a_notice_and_the_instance_shows_every_transition()
    {
        var id = Guid.NewGuid();
        await app.ToExpertReview(id, Ct);
        await app.Bus.Publish(new PlatformApproved(id, false, "committee", DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "AwaitingNotice");
        var noticeId = Guid.NewGuid();
        await app.Bus.Publish(new NoticePublished(noticeId, id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6),
            new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.FromHours(8)), DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "InNotice");

        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var detail = await committee.GetFromJsonAsync<JsonElement>($"/workflows/instances/{id}", Ct);
        Assert.Equal("InNotice", detail.GetProperty("currentState").GetString());
        Assert.Equal(noticeId, detail.GetProperty("noticeId").GetGuid());
        Assert.Equal(["SubParkReview", "ExpertReview", "AwaitingNotice", "InNotice"],
            detail.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToArray());
    }

    [Fact, Trait("Req", "R-A13-EXPERT"), Trait("Req", "R-A13-MEETING")]
    public async Task The_panels_opinion_arriving_after_the_meetings_approval_is_recorded_without_a_fault()
    {
        var id = Guid.NewGuid();
        await app.ToExpertReview(id, Ct);

        // Review published the opinion first and the decision second, but the decision was consumed first.
        await app.Bus.Publish(new PlatformApproved(id, false, "committee", DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "AwaitingNotice");
        await app.Bus.Publish(new ExpertReviewCompleted(id, Guid.NewGuid(), true, 86.5m, 5, 5, 5, DateTimeOffset.UtcNow), Ct);

        // A fault would be retried and then parked, never recorded: seeing the opinion on the instance proves it was handled.
        await Eventually.True(() => app.InDb<WorkflowsDbContext, bool>(db => db.Instances.AnyAsync(i => i.CorrelationId == id && i.ExpertSupported == true, Ct)),
            "the late opinion recorded");
        var instance = await app.InDb<WorkflowsDbContext, PlatformLifecycle>(db => db.Instances.AsNoTracking().SingleAsync(i => i.CorrelationId == id, Ct));
        Assert.Equal("AwaitingNotice", instance.CurrentState);
        Assert.Equal(86.5m, instance.ExpertTrimmedMean);
        var history = await app.InDb<WorkflowsDbContext, List<string>>(db => db.Transitions.Where(t => t.InstanceId == id).OrderBy(t => t.Id).Select(t => t.ToState).ToListAsync(Ct));
        Assert.Equal(["SubParkReview", "ExpertReview", "AwaitingNotice"], history);
    }

    [Fact, Trait("Req", "R-A13-MEETING")]
    public async Task A_rejection_ends_the_lifecycle_with_its_reason()
    {
        var id = Guid.NewGuid();
        await app.ToExpertReview(id, Ct);
        await app.Bus.Publish(new PlatformRejected(id, "目标不够明确", "committee", DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "Rejected");

        var reason = await app.InDb<WorkflowsDbContext, string?>(db => db.Instances.Where(i => i.CorrelationId == id).Select(i => i.OutcomeReason).SingleAsync(Ct));
        Assert.Contains("目标不够明确", reason);
    }

    [Fact]
    public async Task The_same_submission_delivered_twice_starts_one_instance_with_one_transition()
    {
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id), MassTransit.Pipe.Execute<MassTransit.PublishContext<ApplicationSubmitted>>(c => c.MessageId = messageId), Ct);
        await app.Bus.Publish(WorkflowsApp.Submitted(id), MassTransit.Pipe.Execute<MassTransit.PublishContext<ApplicationSubmitted>>(c => c.MessageId = messageId), Ct);
        await app.WaitForState(id, "SubParkReview");
        await Task.Delay(500, Ct);

        var transitions = await app.InDb<WorkflowsDbContext, int>(db => db.Transitions.CountAsync(t => t.InstanceId == id, Ct));
        Assert.Equal(1, transitions);
    }

    [Fact]
    public async Task Instances_are_for_operators_only()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/workflows/instances", Ct)).StatusCode);
        using var anonymous = app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/workflows/instances", Ct)).StatusCode);
        using var monitoring = app.ClientFor(Roles.MonitoringOfficer);
        Assert.Equal(HttpStatusCode.OK, (await monitoring.GetAsync("/workflows/instances", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await monitoring.GetAsync($"/workflows/instances/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}
