using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.ServiceDefaults;

namespace Zgc.Security.Tests;

/// <summary>
/// Segregation of duties through the standalone host: the same person (the same token <c>sub</c>) may not both sit on a
/// case's expert panel and act for the committee on it, nor handle an objection they filed. The finance maker-checker
/// rule (the preparer never approves) is proven in Zgc.Funding.Tests (DisbursementRunTests, DisbursementRunEndpointsTests).
/// </summary>
public sealed class SegregationOfDutiesTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private const string Rule = "segregation-of-duties";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-MEETING"), Trait("Req", "R-A13-EXPERT")]
    public async Task A_member_of_the_panel_acting_as_committee_officer_cannot_manage_the_panel_or_record_the_meeting_decision()
    {
        var id = await Flows.UnderReview(app);
        var (panelId, members) = await Flows.Panel(app, id);
        using var expertAsOfficer = app.ClientFor(Roles.CommitteeOfficer, user: members[0]);

        var close = await expertAsOfficer.PostAsJsonAsync($"/review/panels/{panelId}/close", new { reason = "提前结束" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal(Rule, await Flows.Rule(close));
        var replace = await expertAsOfficer.PostAsJsonAsync($"/review/panels/{panelId}/members/{members[1]}/replace", new { reason = "无法参加" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, replace.StatusCode);
        Assert.Equal(Rule, await Flows.Rule(replace));

        await Flows.ScoredOntoTodaysAgenda(app, id, panelId, members);
        var decision = new { approve = true, especiallyMajor = false, minutesReference = "主任办公会纪要〔2026〕2号" };
        var refused = await expertAsOfficer.PostAsJsonAsync($"/review/cases/{id}/meeting-decision", decision, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(Rule, await Flows.Rule(refused));

        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var reviewCase = await committee.GetFromJsonAsync<JsonElement>($"/review/cases/{id}", Ct);
        Assert.NotEqual("Approved", reviewCase.GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.OK, (await committee.PostAsJsonAsync($"/review/cases/{id}/meeting-decision", decision, Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task An_officer_cannot_investigate_or_decide_an_objection_they_filed()
    {
        var noticeId = await Flows.Notice(app, published: true);
        using var filer = app.ClientFor(Roles.CommitteeOfficer, user: "officer-who-objects");
        using var colleague = app.ClientFor(Roles.CommitteeOfficer, user: "officer-colleague");
        var filed = await filer.PostAsJsonAsync($"/notice/notices/{noticeId}/objections",
            new { name = "李四", telephone = "13800138000", reasons = "该平台协同企业数量与实际不符。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var managed = await colleague.GetFromJsonAsync<JsonElement>($"/notice/manage/notices/{noticeId}", Ct);
        var objectionId = Assert.Single(managed.GetProperty("objections").EnumerateArray()).GetProperty("id").GetGuid();
        var path = $"/notice/manage/notices/{noticeId}/objections/{objectionId}";

        var investigate = await filer.PostAsJsonAsync($"{path}/investigate", new { }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, investigate.StatusCode);
        Assert.Equal(Rule, await Flows.Rule(investigate));
        Assert.Equal(HttpStatusCode.OK, (await colleague.PostAsJsonAsync($"{path}/investigate", new { }, Ct)).StatusCode);

        var decide = await filer.PostAsJsonAsync($"{path}/decide", new { upheld = true, finding = "经核查属实" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        Assert.Equal(Rule, await Flows.Rule(decide));
        var decided = await colleague.PostAsJsonAsync($"{path}/decide", new { upheld = false, finding = "经核查不属实" }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal("Dismissed", (await decided.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }
}
