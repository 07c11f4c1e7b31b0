using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Workflows.Features;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Features;

/// <summary>Administrators cancel or move an instance, with a reason, recorded in its history with who did it (S-OPS).</summary>
public sealed class AdminActionsTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> Submitted()
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id), Ct);
        await app.WaitForState(id, "SubParkReview");
        return id;
    }

    private Task<InstanceDetail?> Detail(HttpClient client, Guid id) => client.GetFromJsonAsync<InstanceDetail>($"/workflows/instances/{id}", Ct);

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_cancelled_instance_records_who_and_why_and_ignores_later_messages()
    {
        var id = await Submitted();
        using var admin = app.ClientFor(Roles.Admin, user: "admin-wang");

        using var response = await admin.PostAsJsonAsync($"/workflows/instances/{id}/cancel", new { reason = "申报单位书面撤回申请" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await Detail(admin, id);
        Assert.Equal("Cancelled", detail!.CurrentState);
        var step = detail.Transitions[^1];
        Assert.Equal(("AdminCancel", "SubParkReview", "Cancelled", "admin-wang", "申报单位书面撤回申请"), (step.Event, step.From, step.To, step.Actor, step.Reason));

        // A recommendation arriving afterwards changes nothing and raises no fault.
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", null, DateTimeOffset.UtcNow), Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal("Cancelled", await app.StateOf(id));
        var idText = id.ToString();
        Assert.False(await app.InDb<WorkflowsDbContext, bool>(db => db.FaultedMessages.AnyAsync(f => f.MessageType.Contains("ApplicationRecommended")
            && f.Body.Contains(idText), Ct)));

        using var again = await admin.PostAsJsonAsync($"/workflows/instances/{id}/cancel", new { reason = "再次取消试试" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task An_instance_moved_to_correct_a_data_error_continues_from_its_new_state()
    {
        var id = await Submitted();
        using var admin = app.ClientFor(Roles.Admin, user: "admin-li");

        using var response = await admin.PostAsJsonAsync($"/workflows/instances/{id}/move",
            new { state = "ReturnedForCorrection", reason = "分园退回消息丢失，按书面通知更正" }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The corrected instance takes the resubmission like any returned one.
        await app.Bus.Publish(WorkflowsApp.Submitted(id) with { Version = 2 }, Ct);
        await app.WaitForState(id, "SubParkReview");
        var detail = await Detail(admin, id);
        Assert.Contains(detail!.Transitions, t => t.Event == "AdminMove" && t.Actor == "admin-li" && t.To == "ReturnedForCorrection");
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task Administrative_steps_need_an_admin_a_reason_and_a_real_state()
    {
        var id = await Submitted();
        using var admin = app.ClientFor(Roles.Admin);
        using var committee = app.ClientFor(Roles.CommitteeOfficer);

        using var notAdmin = await committee.PostAsJsonAsync($"/workflows/instances/{id}/cancel", new { reason = "委员会想取消它" }, Ct);
        using var noReason = await admin.PostAsJsonAsync($"/workflows/instances/{id}/cancel", new { reason = " " }, Ct);
        using var badState = await admin.PostAsJsonAsync($"/workflows/instances/{id}/move", new { state = "Nowhere", reason = "试一个不存在的状态" }, Ct);
        using var missing = await admin.PostAsJsonAsync($"/workflows/instances/{Guid.NewGuid()}/cancel", new { reason = "不存在的实例" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("SubParkReview", await badState.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("SubParkReview", await app.StateOf(id));
    }
}
