using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Monitoring.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Features;

public sealed class DebarmentTests(IntakeApp app) : IClassFixture<IntakeApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A15-DEBARRED")]
    public async Task A_unit_debarred_by_monitoring_cannot_submit_and_is_told_why()
    {
        var unit = IntakeApp.NewUnit();
        var id = await app.CreateDraft(unit);

        await app.Services.GetRequiredService<IBus>().Publish(new UnitDebarred(unit, "北京示例科技有限公司", "虚报投资骗取支持资金", "中科园发〔2026〕1号",
            "monitoring-officer", DateTimeOffset.UtcNow), Ct);
        using var admin = app.ClientFor(Roles.Admin);
        await Eventually.True(async () => (await admin.GetFromJsonAsync<JsonElement>("/intake/debarments", Ct)).EnumerateArray()
            .Any(d => d.GetProperty("unitUscc").GetString() == unit && d.GetProperty("source").GetString() == "monitoring"), "the debarment recorded");

        using var applicant = app.Applicant(unit);
        var submit = await applicant.PostAsJsonAsync($"/intake/applications/{id}/submit", IntakePayloads.Submit(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        var problem = await submit.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("R-A15-DEBARRED", problem.GetProperty("rule").GetString());
        Assert.Contains("虚报投资骗取支持资金", problem.GetProperty("detailZh").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A15-DEBARRED")]
    public async Task An_administrator_adds_a_debarment_and_new_applications_are_refused()
    {
        var unit = IntakeApp.NewUnit();
        await app.CreateDraft(unit);
        using var admin = app.ClientFor(Roles.Admin);

        var added = await admin.PostAsJsonAsync("/intake/debarments", new { unitUscc = unit, reason = "弄虚作假", decisionReference = "中科园发〔2025〕9号" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PostAsJsonAsync("/intake/debarments", new { unitUscc = unit, reason = "again", decisionReference = "x" }, Ct)).StatusCode);

        using var applicant = app.Applicant(unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A15-DEBARRED")]
    public async Task A_debarred_unit_without_a_registration_is_told_it_is_debarred()
    {
        var unit = IntakeApp.NewUnit();
        using var admin = app.ClientFor(Roles.Admin);
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsJsonAsync("/intake/debarments", new { unitUscc = unit, reason = "弄虚作假", decisionReference = "中科园发〔2025〕9号" }, Ct)).StatusCode);

        using var applicant = app.Applicant(unit);
        var refused = await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application(), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("R-A15-DEBARRED", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
    }

    [Fact, Trait("Req", "R-A15-DEBARRED")]
    public async Task Only_administrators_add_and_a_bad_code_is_a_400()
    {
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await committee.PostAsJsonAsync("/intake/debarments", new { unitUscc = IntakeApp.NewUnit(), reason = "r", decisionReference = "d" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync("/intake/debarments", Ct)).StatusCode);
        using var admin = app.ClientFor(Roles.Admin);
        var bad = await admin.PostAsJsonAsync("/intake/debarments", new { unitUscc = "91110108MA01ABCD1X", reason = "r", decisionReference = "d" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("unitUscc", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
    }
}
