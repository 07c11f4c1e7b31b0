using System.Net;
using System.Net.Http.Json;
using Zgc.Notice.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;
using Zgc.Workflows.Features;

namespace Zgc.Workflows.Tests.Features;

/// <summary>Operators see every service's faulted messages and the stalled instances in one list, and decide from there (S-OPS).</summary>
public sealed class IncidentsTests(IncidentsWorkflowsApp app) : IClassFixture<IncidentsWorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task Faults_of_every_service_and_stalled_instances_are_listed_and_a_fault_is_discarded_through_the_owning_service()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");
        // A notice result for an application still at the sub-park cannot be applied: it faults.
        await app.Bus.Publish(new NoticePassed(Guid.NewGuid(), id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), "无异议", DateTimeOffset.UtcNow), Ct);
        using var admin = app.ClientFor(Roles.Admin, user: "ops-zhao");

        var view = await Eventually.Get(() => admin.GetFromJsonAsync<Incidents.IncidentsView>("/workflows/incidents", Ct),
            v => v!.Services.Single(s => s.Service == "workflows").Faults.Any(f => f.MessageType.Contains("NoticePassed", StringComparison.Ordinal)),
            "the NoticePassed fault listed", TimeSpan.FromSeconds(60));

        Assert.Equal(Incidents.Services.Order(), view!.Services.Select(s => s.Service).Order());
        Assert.True(view.Services.Single(s => s.Service == "workflows").Reachable);
        var intake = view.Services.Single(s => s.Service == "intake");
        Assert.False(intake.Reachable);
        Assert.Contains("404", intake.Error, StringComparison.Ordinal);
        Assert.Contains(view.Stalled, i => i.Id == id);

        var fault = view.Services.Single(s => s.Service == "workflows").Faults.First(f => f.MessageType.Contains("NoticePassed", StringComparison.Ordinal));
        using var discard = await admin.PostAsync($"/workflows/incidents/workflows/faults/{fault.Id}/discard", null, Ct);
        Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        var after = await admin.GetFromJsonAsync<Incidents.IncidentsView>("/workflows/incidents", Ct);
        Assert.DoesNotContain(after!.Services.Single(s => s.Service == "workflows").Faults, f => f.Id == fault.Id);

        using var badAction = await admin.PostAsync($"/workflows/incidents/workflows/faults/{fault.Id}/explode", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        using var applicant = app.ClientFor(Roles.Applicant, unit: "91110108MA01ABCD1X");
        using var forbidden = await applicant.GetAsync("/workflows/incidents", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task Stalled_instances_of_every_active_state_are_listed_longest_waiting_first()
    {
        // First: in expert review since before the second was even submitted; the second waits at the sub-park (a state
        // listed before expert review), so only a merge by waiting time puts the first ahead of it.
        var first = Guid.NewGuid();
        await app.ToExpertReview(first, Ct);
        var second = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(second), Ct);
        await app.WaitForState(second, "SubParkReview");
        using var admin = app.ClientFor(Roles.Admin);

        var stalled = (await admin.GetFromJsonAsync<Incidents.IncidentsView>("/workflows/incidents", Ct))!.Stalled.Select(i => i.Id).ToList();

        Assert.Contains(first, stalled);
        Assert.Contains(second, stalled);
        Assert.True(stalled.IndexOf(first) < stalled.IndexOf(second), "the instance waiting longer comes first, whatever its state");
    }
}
