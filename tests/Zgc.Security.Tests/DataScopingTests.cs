using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Security.Tests;

/// <summary>
/// Data scoping on the standalone host (DESIGN.md, Security): a caller let in by role still sees only its own data, and
/// anything else answers 404, so ids cannot be probed.
/// </summary>
public sealed class DataScopingTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-APPLY")]
    public async Task An_applicant_never_reads_or_changes_another_units_application_or_its_materials()
    {
        var id = await Flows.Submitted(app, IntakePayloads.DefaultUnit);
        using var owner = app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        using var other = app.ClientFor(Roles.Applicant, unit: IntakePayloads.OtherUnit, user: "other-unit-applicant");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/intake/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/intake/applications/{id}/attachments", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/intake/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/intake/applications/{id}/versions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/intake/applications/{id}/attachments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/intake/applications/{id}", IntakePayloads.Application(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct)).StatusCode);
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "plan.pdf" } })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/intake/applications/{id}/attachments", upload, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/intake/applications/{id}/attachments/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/intake/units/{IntakePayloads.DefaultUnit}", Ct)).StatusCode);
        Assert.DoesNotContain(id, await Ids(other, "/intake/applications"));
        Assert.Contains(id, await Ids(owner, "/intake/applications"));
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task An_applicant_never_reads_or_changes_another_units_annual_report_or_platform()
    {
        var applicationId = Guid.NewGuid();
        var reportId = await app.InDb<MonitoringDbContext, Guid>(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Platforms.Add(MonitoredPlatform.Create(applicationId, null, "集成电路协同创新平台", IntakePayloads.DefaultUnit, "北京示例科技有限公司",
                "next-generation-it", "haidian", now));
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var report = AnnualReport.Open(applicationId, IntakePayloads.DefaultUnit, 1, today.AddYears(-1), today, today.AddDays(30), now);
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync(Ct);
            return report.Id;
        });
        using var owner = app.ClientFor(Roles.Applicant, unit: IntakePayloads.DefaultUnit);
        using var other = app.ClientFor(Roles.Applicant, unit: IntakePayloads.OtherUnit, user: "other-unit-applicant");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/monitoring/reports/{reportId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/monitoring/platforms/{applicationId}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monitoring/reports/{reportId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/monitoring/reports/{reportId}/draft", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/monitoring/reports/{reportId}/submit", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monitoring/platforms/{applicationId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monitoring/platforms/{applicationId}/major-matters", Ct)).StatusCode);
        Assert.DoesNotContain(reportId, await Ids(other, "/monitoring/reports"));
        Assert.Contains(reportId, await Ids(owner, "/monitoring/reports"));
    }

    [Fact, Trait("Req", "R-A13-SUBPARK"), Trait("Req", "R-A6-SUBPARKS")]
    public async Task A_sub_park_officer_sees_and_handles_only_their_sub_parks_applications()
    {
        var id = await Flows.Submitted(app, IntakePayloads.DefaultUnit, "haidian");
        using var haidian = app.ClientFor(Roles.SubParkOfficer, subPark: "haidian");
        using var chaoyang = app.ClientFor(Roles.SubParkOfficer, subPark: "chaoyang", user: "chaoyang-officer");

        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.GetAsync($"/intake/applications/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.GetAsync($"/intake/applications/{id}/attachments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.PostAsJsonAsync($"/intake/applications/{id}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await chaoyang.PostAsJsonAsync($"/intake/applications/{id}/return", new { reasons = "材料不全，请补充" }, Ct)).StatusCode);
        Assert.DoesNotContain(id, await Ids(chaoyang, "/intake/applications"));

        Assert.Equal(HttpStatusCode.OK, (await haidian.GetAsync($"/intake/applications/{id}", Ct)).StatusCode);
        Assert.Contains(id, await Ids(haidian, "/intake/applications"));
        Assert.Equal(HttpStatusCode.OK, (await haidian.PostAsJsonAsync($"/intake/applications/{id}/accept", new { }, Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task An_expert_sees_only_assigned_cases_and_their_material_only_after_the_declaration()
    {
        var id = await Flows.UnderReview(app);
        var (panelId, members) = await Flows.Panel(app, id);
        using var member = app.ClientFor(Roles.Expert, user: members[0]);
        using var outsider = app.ClientFor(Roles.Expert, user: "expert-not-on-this-panel");

        // Not assigned: nothing, whichever way asked.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/review/assignments/{panelId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/review/assignments/{panelId}/material", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct)).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/review/assignments", Ct)).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/review/cases/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/intake/applications/{id}", Ct)).StatusCode);

        // Assigned: the seat is visible, the material only once the no-conflict declaration is signed.
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/review/assignments/{panelId}", Ct)).StatusCode);
        var early = await member.GetAsync($"/review/assignments/{panelId}/material", Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("R-A13-EXPERT", await Flows.Rule(early));
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/review/assignments/{panelId}/material", Ct)).StatusCode);
        Assert.Contains(panelId, (await member.GetFromJsonAsync<JsonElement>("/review/assignments", Ct)).EnumerateArray().Select(a => a.GetProperty("panelId").GetGuid()));
    }

    [Fact, Trait("Req", "R-A13-NOTICE")]
    public async Task The_public_sees_only_published_notices()
    {
        var draft = await Flows.Notice(app, published: false);
        var published = await Flows.Notice(app, published: true);
        using var anonymous = app.ClientFor(null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notice/notices/{published}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notice/public/notices/{published}", Ct)).StatusCode);
        var listed = await Ids(anonymous, "/notice/notices");
        Assert.Contains(published, listed);

        Assert.DoesNotContain(draft, listed);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notice/notices/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notice/public/notices/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notice/public/notices/{draft}/objection", Ct)).StatusCode);
        var objection = new { name = "张三", telephone = "13800138000", reasons = "该平台申报材料与实际情况不符。" };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/notice/notices/{draft}/objections", objection, Ct)).StatusCode);
        var feed = await anonymous.GetStringAsync("/notice/public/notices.atom", Ct);
        Assert.DoesNotContain(draft.ToString(), feed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("草稿平台", await anonymous.GetStringAsync("/notice/public/notices", Ct), StringComparison.Ordinal);

        // Only the committee sees drafts.
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/notice/manage/notices/{draft}", Ct)).StatusCode);
    }

    private static async Task<List<Guid>> Ids(HttpClient client, string path)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(path, Ct);
        var items = json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items");
        return [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
