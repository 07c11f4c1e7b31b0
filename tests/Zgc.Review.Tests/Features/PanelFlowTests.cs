using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Domain;
using Zgc.Review.Features;
using Zgc.Review.Features.Assignments;
using Zgc.Review.Features.Panels;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Review.Tests.Features;

/// <summary>Panels over HTTP: conflicts, the reproducible draw, declarations, scoring and the panel's result (R-A13-EXPERT).</summary>
public sealed class PanelFlowTests(ReviewApp app) : IClassFixture<ReviewApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Problem(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task Experts_employed_by_an_integrated_enterprise_are_kept_off_the_panel_and_cannot_be_put_on_it()
    {
        var integrated = ReviewApp.Uscc(7_000_001);
        var conflicted = await app.AddExperts(6, employerUscc: integrated);
        await app.AddExperts(5);
        var opened = await app.OpenAndWait(ReviewApp.NewCase(integrated: [ReviewApp.Uscc(7_000_000), integrated.ToLowerInvariant()]));

        var panel = await app.FormPanel(opened.ApplicationId);

        Assert.Equal(5, panel.Members.Count);
        Assert.DoesNotContain(panel.Members, m => conflicted.Contains(m.ExpertUserId));
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var replace = await officer.PostAsJsonAsync($"/review/panels/{panel.Id}/members/{panel.Members[0].ExpertUserId}/replace",
            new { replacementUserId = conflicted[0], reason = "专业对口" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, replace.StatusCode);
        Assert.Equal("replacementUserId", (await Problem(replace)).GetProperty("field").GetString());
        Assert.Equal(panel.Members.Select(m => m.ExpertUserId), (await app.Panel(panel.Id)).Members.Select(m => m.ExpertUserId));
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task The_recorded_seed_and_pool_reproduce_the_draw()
    {
        await app.AddExperts(7);
        var opened = await app.OpenAndWait();

        var panel = await app.FormPanel(opened.ApplicationId, seed: 4_503_599_627_370_495);

        Assert.Equal(4_503_599_627_370_495, panel.Seed);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var audit = (await officer.GetFromJsonAsync<PanelEndpoints.DrawAudit>($"/review/panels/{panel.Id}/draw", Ct))!;
        Assert.True(audit.Matches);
        Assert.Equal(PanelDraw.Order(audit.Pool, panel.Seed).Take(5).Order(StringComparer.Ordinal),
            panel.Members.Select(m => m.ExpertUserId).Order(StringComparer.Ordinal));
        Assert.Equal(panel.PoolSize, audit.Pool.Count);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task A_seed_out_of_range_or_a_second_panel_is_refused()
    {
        await app.AddExperts(5);
        var opened = await app.OpenAndWait();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var negative = await officer.PostAsJsonAsync($"/review/cases/{opened.ApplicationId}/panel", new { seed = -1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal("seed", (await Problem(negative)).GetProperty("field").GetString());
        Assert.Equal("UnderReview", (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{opened.ApplicationId}", Ct))!.Stage);

        await app.FormPanel(opened.ApplicationId);
        var second = await officer.PostAsJsonAsync($"/review/cases/{opened.ApplicationId}/panel", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, await app.InDb<ReviewDbContext, int>(db => db.Panels.CountAsync(p => p.ApplicationId == opened.ApplicationId, Ct)));
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task No_material_and_no_score_before_the_declaration_and_bad_scores_change_nothing()
    {
        await app.AddExperts(5);
        var opened = await app.OpenAndWait();
        var panel = await app.FormPanel(opened.ApplicationId);
        var me = panel.Members[0].ExpertUserId;
        using var expert = app.Expert(me);

        var material = await expert.GetAsync($"/review/assignments/{panel.Id}/material", Ct);
        Assert.Equal(HttpStatusCode.Conflict, material.StatusCode);
        Assert.Equal("declaration", (await Problem(material)).GetProperty("field").GetString());
        var early = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", ReviewApp.Score(80), Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("declaration", (await Problem(early)).GetProperty("field").GetString());
        var notADeclaration = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/declaration", new { noConflict = false }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notADeclaration.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/declaration", new { noConflict = true }, Ct)).StatusCode);
        var read = (await expert.GetFromJsonAsync<AssignmentMaterial>($"/review/assignments/{panel.Id}/material", Ct))!;
        Assert.Equal(8, read.Criteria.Count);
        Assert.Equal(80_000_000_00, read.TotalInvestmentFen);

        foreach (var bad in new object[]
        {
            new { significance = 101, foundation = 80, team = 80, innovation = 80, integration = 80, content = 80, targets = 80, funding = 80, support = true },
            new { significance = 80, foundation = -1, team = 80, innovation = 80, integration = 80, content = 80, targets = 80, funding = 80, support = true },
            new { significance = 80, foundation = 80, team = 80.123, innovation = 80, integration = 80, content = 80, targets = 80, funding = 80, support = true },
            new { significance = 80, foundation = 80, team = 80, innovation = 80, integration = 80, content = 80, targets = 80, support = true },
            new { significance = 80, foundation = 80, team = 80, innovation = 80, integration = 80, content = 80, targets = 80, funding = 80 },
        })
        {
            var response = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", bad, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("R-A13-EXPERT", (await Problem(response)).GetProperty("rule").GetString());
        }

        var fieldNamed = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/score",
            new { significance = 80, foundation = 80, team = 80, innovation = 180, integration = 80, content = 80, targets = 80, funding = 80, support = true }, Ct);
        Assert.Equal("innovation", (await Problem(fieldNamed)).GetProperty("field").GetString());
        var mine = (await expert.GetFromJsonAsync<AssignmentView>($"/review/assignments/{panel.Id}", Ct))!;
        Assert.Equal("Declared", mine.Status);
        Assert.Null(mine.MyScores);

        Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", ReviewApp.Score(80), Ct)).StatusCode);
        var second = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", ReviewApp.Score(50, support: false), Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        mine = (await expert.GetFromJsonAsync<AssignmentView>($"/review/assignments/{panel.Id}", Ct))!;
        Assert.Equal(80m, mine.MyScores!["significance"]);
        Assert.True(mine.MySupport);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task An_expert_not_on_the_panel_sees_nothing_of_it()
    {
        await app.AddExperts(5);
        var opened = await app.OpenAndWait();
        var panel = await app.FormPanel(opened.ApplicationId);
        using var stranger = app.Expert("not-on-any-panel");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/review/assignments/{panel.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", ReviewApp.Score(80), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/review/panels/{panel.Id}", Ct)).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<List<AssignmentView>>("/review/assignments", Ct))!);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task Scores_stay_hidden_until_the_last_score_closes_the_panel_and_ExpertReviewCompleted_leaves()
    {
        await app.AddExperts(5);
        var opened = await app.OpenAndWait();
        var panel = await app.FormPanel(opened.ApplicationId);
        var ids = panel.Members.Select(m => m.ExpertUserId).ToList();
        decimal[] totals = [60, 75, 80, 85, 99];

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.DeclareAndScore(panel.Id, ids[i], totals[i])).StatusCode);
        }

        var open = await app.Panel(panel.Id);
        Assert.Equal("Open", open.Status);
        Assert.All(open.Members, m => Assert.Null(m.Scores));
        Assert.All(open.Members, m => Assert.Null(m.Total));
        Assert.Null(open.Result);
        using (var first = app.Expert(ids[0]))
        {
            var peek = await first.GetAsync($"/review/assignments/{panel.Id}/panel", Ct);
            Assert.Equal(HttpStatusCode.Conflict, peek.StatusCode);
            var own = (await first.GetFromJsonAsync<AssignmentView>($"/review/assignments/{panel.Id}", Ct))!;
            Assert.Equal(60m, own.MyScores!["funding"]);
        }

        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var waiting = (await officer.GetFromJsonAsync<List<WaitingPanelView>>("/review/panels", Ct))!.Single(p => p.PanelId == panel.Id);
        Assert.Equal([ids[4]], waiting.AwaitingDeclaration);
        Assert.Equal(4, waiting.Submitted);

        Assert.Equal(HttpStatusCode.OK, (await app.DeclareAndScore(panel.Id, ids[4], totals[4])).StatusCode);

        var closed = await app.Panel(panel.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.NotNull(closed.Result);
        Assert.Equal(80.00m, closed.Result.TrimmedMean);
        Assert.Equal(79.80m, closed.Result.Mean);
        Assert.Equal(39.00m, closed.Result.Spread);
        Assert.True(closed.Result.Supported);
        Assert.All(closed.Members, m => Assert.NotNull(m.Scores));
        Assert.True(closed.Members.Single(m => m.ExpertUserId == ids[0]).Outlier); // 60 vs the others' mean 84.75
        using (var first = app.Expert(ids[0]))
        {
            var result = (await first.GetFromJsonAsync<PanelView>($"/review/assignments/{panel.Id}/panel", Ct))!;
            Assert.Equal(5, result.Members.Count(m => m.Scores is not null));
        }

        Assert.Equal("Supported", (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{opened.ApplicationId}", Ct))!.Stage);
        var idText = opened.ApplicationId.ToString();
        await Eventually.True(() => app.InDb<ReviewDbContext, bool>(db => db.OutboxMessages.AnyAsync(m =>
            m.MessageType.Contains("ExpertReviewCompleted") && m.Body.Contains(idText) && m.DeliveredAt != null, Ct)), "ExpertReviewCompleted delivered");
        var supported = (await officer.GetFromJsonAsync<List<ReviewCaseView>>("/review/cases?stage=Supported", Ct))!;
        Assert.Contains(supported, c => c.ApplicationId == opened.ApplicationId);
        Assert.All(supported, c => Assert.Equal("Supported", c.Stage));
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task Experts_submitting_at_the_same_moment_all_succeed_and_the_panel_closes_once()
    {
        await app.AddExperts(5);
        var opened = await app.OpenAndWait();
        var panel = await app.FormPanel(opened.ApplicationId);
        var experts = panel.Members.Select(m => app.Expert(m.ExpertUserId)).ToList();
        foreach (var expert in experts)
        {
            Assert.Equal(HttpStatusCode.OK, (await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/declaration", new { noConflict = true }, Ct)).StatusCode);
        }

        var responses = await Task.WhenAll(experts.Select(e => e.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", ReviewApp.Score(80), Ct)));

        foreach (var failed in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.Fail(await failed.Content.ReadAsStringAsync(Ct));
        }
        var closed = await app.Panel(panel.Id);
        Assert.Equal("Closed", closed.Status);
        Assert.Equal(5, closed.Result!.ScoresReceived);
        var idText = opened.ApplicationId.ToString();
        Assert.Equal(1, await app.InDb<ReviewDbContext, int>(db => db.OutboxMessages.CountAsync(m =>
            m.MessageType.Contains("ExpertReviewCompleted") && m.Body.Contains(idText), Ct)));
        foreach (var expert in experts)
        {
            expert.Dispose();
        }
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task A_panel_below_the_threshold_does_not_support_and_the_case_cannot_go_to_the_meeting()
    {
        await app.AddExperts(5);
        var opened = await app.OpenAndWait();
        var panel = await app.FormPanel(opened.ApplicationId);
        foreach (var member in panel.Members)
        {
            await app.DeclareAndScore(panel.Id, member.ExpertUserId, 69.99m);
        }

        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var reviewCase = (await officer.GetFromJsonAsync<ReviewCaseView>($"/review/cases/{opened.ApplicationId}", Ct))!;
        Assert.Equal("NotSupported", reviewCase.Stage);
        Assert.False((await app.Panel(panel.Id)).Result!.Supported);
        var meeting = await app.ScheduleMeeting(ReviewApp.Today);
        var add = await officer.PostAsJsonAsync($"/review/meetings/{meeting.Id}/agenda", new { applicationId = opened.ApplicationId }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, add.StatusCode);
        Assert.Equal("R-A13-MEETING", (await Problem(add)).GetProperty("rule").GetString());
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task A_declining_expert_is_replaced_and_the_committee_reopens_and_closes_with_a_quorum()
    {
        await app.AddExperts(6);
        var opened = await app.OpenAndWait();
        var panel = await app.FormPanel(opened.ApplicationId);
        var decliner = panel.Members[0].ExpertUserId;
        using (var expert = app.Expert(decliner))
        {
            var noReason = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/decline", new { reason = "", conflict = true }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            var declined = await expert.PostAsJsonAsync($"/review/assignments/{panel.Id}/decline", new { reason = "与申请单位有合作关系", conflict = true }, Ct);
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var after = await app.Panel(panel.Id);
        Assert.Equal(6, after.Members.Count);
        Assert.Equal(5, after.Members.Count(m => m.Status is "Assigned"));
        Assert.Contains(after.Changes, c => c.Kind == "declined-conflict" && c.ExpertUserId == decliner && c.ReplacementUserId is not null);
        var seated = after.Members.Where(m => m.Status == "Assigned").Select(m => m.ExpertUserId).ToList();
        for (var i = 0; i < 4; i++)
        {
            await app.DeclareAndScore(panel.Id, seated[i], 90m);
        }

        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var reopen = await officer.PostAsJsonAsync($"/review/panels/{panel.Id}/members/{seated[0]}/reopen", new { reason = "录入有误" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        var belowQuorum = await officer.PostAsJsonAsync($"/review/panels/{panel.Id}/close", new { reason = "会期" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, belowQuorum.StatusCode);
        using (var again = app.Expert(seated[0]))
        {
            Assert.Equal(HttpStatusCode.OK, (await again.PostAsJsonAsync($"/review/assignments/{panel.Id}/score", ReviewApp.Score(88), Ct)).StatusCode);
        }

        var closed = await officer.PostAsJsonAsync($"/review/panels/{panel.Id}/close", new { reason = "第五位专家出差，按法定人数结束" }, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var result = (await closed.Content.ReadFromJsonAsync<PanelView>(Ct))!;
        Assert.Equal(4, result.Result!.ScoresReceived);
        Assert.Equal(89.50m, result.Result.TrimmedMean);
        var late = await app.DeclareAndScoreOrNull(panel.Id, seated[4]);
        Assert.Equal(HttpStatusCode.Conflict, late);
    }
}
