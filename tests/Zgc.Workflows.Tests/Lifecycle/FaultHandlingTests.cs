using System.Net;
using System.Net.Http.Json;
using Zgc.Intake.Contracts;
using Zgc.Messaging.Faults;
using Zgc.Review.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Workflows.Tests.Lifecycle;

/// <summary>Messages the lifecycle cannot take are kept with their reason; operators re-deliver or discard them.</summary>
public sealed class FaultHandlingTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<FaultView> FaultFor(HttpClient admin, Guid id) =>
        await Eventually.Get(async () => (await admin.GetFromJsonAsync<List<FaultView>>("/workflows/faults?status=faulted", Ct))!
                .FirstOrDefault(f => f.MessageType.EndsWith("PlatformApproved", StringComparison.Ordinal) && f.Body.Contains(id.ToString(), StringComparison.Ordinal)),
            f => f is not null, $"a fault for {id}");

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public async Task A_recommendation_that_overtakes_its_submission_is_retried_until_the_instance_exists()
    {
        // Two transactions at intake, two outbox lanes: the recommendation may reach the lifecycle first.
        var id = Guid.NewGuid();
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", "推荐", DateTimeOffset.UtcNow, Ranking: 1), Ct);
        await Task.Delay(150, Ct); // the first attempts find no instance
        await app.Bus.Publish(WorkflowsAppBase.Submitted(id), Ct);

        await app.WaitForState(id, "ExpertReview");
    }

    [Fact]
    public async Task An_event_out_of_order_is_recorded_as_a_fault_and_can_be_redelivered_once_the_instance_is_ready()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsAppBase.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");

        // Approval before the recommendation: the lifecycle does not accept it in SubParkReview.
        await app.Bus.Publish(new PlatformApproved(id, false, "committee", DateTimeOffset.UtcNow), Ct);
        using var admin = app.ClientFor(Roles.Admin);
        var fault = await FaultFor(admin, id);
        Assert.Equal("Faulted", fault.Status);
        Assert.True(fault.CanRedeliver);

        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(id, "ExpertReview");

        var redelivered = await admin.PostAsync($"/workflows/faults/{fault.Id}/redeliver", null, Ct);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("Redelivered", (await redelivered.Content.ReadFromJsonAsync<FaultView>(Ct))!.Status);
        await app.WaitForState(id, "AwaitingNotice");

        var again = await admin.PostAsync($"/workflows/faults/{fault.Id}/discard", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_fault_can_be_discarded_by_an_operator_but_not_by_an_applicant()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsAppBase.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");
        await app.Bus.Publish(new PlatformApproved(id, false, "committee", DateTimeOffset.UtcNow), Ct);
        using var admin = app.ClientFor(Roles.Admin);
        var fault = await FaultFor(admin, id);

        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/workflows/faults/{fault.Id}/discard", null, Ct)).StatusCode);

        using var committee = app.ClientFor(Roles.CommitteeOfficer, user: "officer-wang");
        var discarded = await committee.PostAsync($"/workflows/faults/{fault.Id}/discard", null, Ct);
        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        var view = (await discarded.Content.ReadFromJsonAsync<FaultView>(Ct))!;
        Assert.Equal("Discarded", view.Status);
        Assert.Equal("officer-wang", view.HandledBy);
        Assert.Equal("SubParkReview", await app.StateOf(id));
    }
}
