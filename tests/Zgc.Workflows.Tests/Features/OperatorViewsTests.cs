using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Zgc.Intake.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Workflows.Features;

namespace Zgc.Workflows.Tests.Features;

/// <summary>What operators read: filtered, paged instances, counts per state, the lifecycle graph (S-OPS).</summary>
public sealed class OperatorViewsTests(WorkflowsApp app) : IClassFixture<WorkflowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> Submitted(string subPark)
    {
        var id = Guid.NewGuid();
        await app.Bus.Publish(WorkflowsApp.Submitted(id) with { SubPark = subPark, IndustryField = "integrated-circuits" }, Ct);
        await app.WaitForState(id, "SubParkReview");
        return id;
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task An_instance_shows_its_pending_timers_with_the_time_left_and_links_to_its_records_elsewhere()
    {
        var id = await Submitted("haidian");
        await app.Bus.Publish(new ApplicationRecommended(id, "haidian", "officer", "推荐", DateTimeOffset.UtcNow, Ranking: 1), Ct);
        await app.WaitForState(id, "ExpertReview");

        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var detail = await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/workflows/instances/{id}", Ct);
        var timer = Assert.Single(detail.GetProperty("pendingTimers").EnumerateArray());
        Assert.Equal("ExpertReviewOverdue", timer.GetProperty("messageType").GetString());
        var dueIn = TimeSpan.Parse(timer.GetProperty("dueIn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(dueIn, TimeSpan.FromDays(29), TimeSpan.FromDays(30)); // the 30-day expert-review limit
        var links = detail.GetProperty("links");
        Assert.Equal($"/intake/applications/{id}", links.GetProperty("application").GetString());
        Assert.Equal($"/review/cases/{id}", links.GetProperty("reviewCase").GetString());
        Assert.False(links.TryGetProperty("agreement", out _), "no agreement before inclusion");
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task Instances_are_filtered_by_state_field_and_sub_park_and_paged_with_the_total_in_a_header()
    {
        var subPark = "test-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Submitted(subPark));
        }

        await app.Bus.Publish(new ApplicationRecommended(ids[0], subPark, "officer", null, DateTimeOffset.UtcNow), Ct);
        await app.WaitForState(ids[0], "ExpertReview");
        using var admin = app.ClientFor(Roles.Admin);

        using var page1 = await admin.GetAsync($"/workflows/instances?subPark={subPark}&state=SubParkReview&field=integrated-circuits&pageSize=1", Ct);
        Assert.Equal("2", page1.Headers.GetValues("X-Total-Count").Single());
        var first = await page1.Content.ReadFromJsonAsync<List<InstanceSummary>>(Ct);
        var second = await admin.GetFromJsonAsync<List<InstanceSummary>>($"/workflows/instances?subPark={subPark}&state=SubParkReview&pageSize=1&page=2", Ct);
        Assert.Single(first!);
        Assert.Single(second!);
        Assert.Equal(new[] { ids[1], ids[2] }.Order(), new[] { first![0].Id, second![0].Id }.Order());

        var waiting = await admin.GetFromJsonAsync<List<InstanceSummary>>($"/workflows/instances?subPark={subPark}&waitingDays=1", Ct);
        Assert.Empty(waiting!);

        using var bad = await admin.GetAsync("/workflows/instances?pageSize=0", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pageSize", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task Counts_per_state_include_every_instance()
    {
        await Submitted("haidian");
        using var admin = app.ClientFor(Roles.Admin);

        var counts = await admin.GetFromJsonAsync<List<InstanceCounts.StateCount>>("/workflows/counts", Ct);

        Assert.Contains(counts!, c => c.State == "SubParkReview" && c.Count >= 1);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_graph_as_Mermaid_and_SVG_shows_the_transitions_and_highlights_an_instances_state()
    {
        var id = await Submitted("haidian");
        using var admin = app.ClientFor(Roles.Admin);

        var mermaid = await admin.GetStringAsync($"/workflows/graph?instance={id}", Ct);
        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("[*] --> SubParkReview : Submitted", mermaid, StringComparison.Ordinal);
        Assert.Contains("SubParkReview --> ExpertReview : Recommended", mermaid, StringComparison.Ordinal);
        Assert.Contains("UnderConstruction --> Completed : Evaluated", mermaid, StringComparison.Ordinal);
        Assert.Contains("class SubParkReview current", mermaid, StringComparison.Ordinal);

        using var svgResponse = await admin.GetAsync($"/workflows/graph.svg?instance={id}", Ct);
        Assert.Equal("image/svg+xml", svgResponse.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await svgResponse.Content.ReadAsStringAsync(Ct));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var current = svg.Descendants(ns + "g").Single(g => ((string?)g.Attribute("class"))?.Contains("current", StringComparison.Ordinal) == true);
        Assert.Equal("SubParkReview", (string?)current.Attribute("data-state"));
        Assert.Contains(svg.Descendants(ns + "g"), g => (string?)g.Attribute("data-state") == "Revoked");

        using var missing = await admin.GetAsync($"/workflows/graph.svg?instance={Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
