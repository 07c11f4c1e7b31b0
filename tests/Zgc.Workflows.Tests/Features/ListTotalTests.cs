using System.Net.Http.Json;
using Zgc.Intake.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Workflows.Features;

namespace Zgc.Workflows.Tests.Features;

/// <summary>The instance list counts its matches exactly up to a limit and beyond it says only that there are more (S-OPS).</summary>
public sealed class ListTotalTests(SmallTotalWorkflowsApp app) : IClassFixture<SmallTotalWorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_total_above_the_limit_is_reported_as_exceeding_it_and_paging_still_reaches_every_instance()
    {
        var subPark = "total-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid();
            await app.Bus.Publish(WorkflowsApp.Submitted(id) with { SubPark = subPark }, Ct);
            await app.WaitForState(id, "SubParkReview");
            ids.Add(id);
        }

        using var admin = app.ClientFor(Roles.Admin);
        using var three = await admin.GetAsync($"/workflows/instances?subPark={subPark}&pageSize=2", Ct);
        Assert.False(three.Headers.Contains(ListInstances.TotalHeader), "no exact total beyond the limit");
        Assert.Equal("2", three.Headers.GetValues(ListInstances.TotalExceedsHeader).Single());
        var first = await three.Content.ReadFromJsonAsync<List<InstanceSummary>>(Ct);
        var second = await admin.GetFromJsonAsync<List<InstanceSummary>>($"/workflows/instances?subPark={subPark}&pageSize=2&page=2", Ct);
        Assert.Equal(ids.Order(), first!.Concat(second!).Select(i => i.Id).Order());

        // Exactly at the limit the total is still exact.
        await app.Bus.Publish(new ApplicationRecommended(ids[0], subPark, "officer", null, DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(ids[0], "ExpertReview");
        using var atLimit = await admin.GetAsync($"/workflows/instances?subPark={subPark}&state=SubParkReview", Ct);
        Assert.Equal("2", atLimit.Headers.GetValues(ListInstances.TotalHeader).Single());
        Assert.False(atLimit.Headers.Contains(ListInstances.TotalExceedsHeader));
        using var none = await admin.GetAsync($"/workflows/instances?subPark={subPark}&field=no-such-field", Ct);
        Assert.Equal("0", none.Headers.GetValues(ListInstances.TotalHeader).Single());
    }
}
