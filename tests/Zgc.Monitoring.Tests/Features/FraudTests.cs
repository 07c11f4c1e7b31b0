using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Features;

/// <summary>
/// R-A15-FRAUD / R-A15-DEBARRED: a confirmed case revokes the platform and announces FraudConfirmed and UnitDebarred
/// together (one outbox transaction), which funding (clawback), intake (debarment) and workflows (revocation) consume.
/// </summary>
public sealed class FraudTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static readonly DateOnly FarDue = new(2099, 3, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A15-FRAUD"), Trait("Req", "R-A15-DEBARRED")]
    public async Task A_case_from_an_audit_is_investigated_and_confirmed_with_evidence_revoking_and_debarring()
    {
        var applicationId = Guid.NewGuid();
        await app.Open(Window(applicationId, 1, 2025, FarDue));
        using var officer = app.ClientFor(Roles.MonitoringOfficer);

        var opened = await officer.PostAsJsonAsync("/monitoring/fraud-cases",
            new { applicationId, source = "Audit", sourceReference = "京审〔2026〕88号", allegation = "虚报研发投入，伪造合同" }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var early = await officer.PostAsJsonAsync($"/monitoring/fraud-cases/{id}/confirm",
            new { evidence = "审计报告第3页", finding = "虚报", decisionReference = "中科园发〔2026〕9号" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Opened", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        (await officer.PostAsync($"/monitoring/fraud-cases/{id}/investigate", null, Ct)).EnsureSuccessStatusCode();
        var noEvidence = await officer.PostAsJsonAsync($"/monitoring/fraud-cases/{id}/confirm",
            new { evidence = "", finding = "虚报", decisionReference = "中科园发〔2026〕9号" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.Equal("evidence", (await noEvidence.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        Assert.Empty(await app.Messages("FraudConfirmed", applicationId));

        var confirmed = await officer.PostAsJsonAsync($"/monitoring/fraud-cases/{id}/confirm",
            new { evidence = "审计报告第3页；银行流水", finding = "虚报研发投入1200万元", decisionReference = "中科园发〔2026〕9号" }, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var fraud = await app.Delivered("FraudConfirmed", applicationId);
        Assert.Equal(Unit, fraud.GetProperty("unitUscc").GetString());
        Assert.Equal("中科园发〔2026〕9号", fraud.GetProperty("decisionReference").GetString());
        var debarred = await app.Delivered("UnitDebarred", applicationId);
        Assert.Equal(Unit, debarred.GetProperty("unitUscc").GetString());
        Assert.Equal("北京示例科技有限公司", debarred.GetProperty("unitName").GetString());
        Assert.Equal(applicationId, debarred.GetProperty("applicationId").GetGuid());

        var platform = await app.InDb<MonitoringDbContext, MonitoredPlatform>(db => db.Platforms.SingleAsync(p => p.ApplicationId == applicationId, Ct));
        Assert.Equal(PlatformStatus.Revoked, platform.Status);
        var history = await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/history", Ct);
        Assert.Contains(history!, e => e.GetProperty("kind").GetString() == "FraudCaseOpened");
        Assert.Contains(history!, e => e.GetProperty("kind").GetString() == "FraudConfirmed");

        var again = await officer.PostAsJsonAsync($"/monitoring/fraud-cases/{id}/confirm",
            new { evidence = "x", finding = "x", decisionReference = "x" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await app.Messages("UnitDebarred", applicationId));

        await app.Services.GetRequiredService<IBus>().Publish(Window(applicationId, 2, 2026, FarDue), Ct);
        await Task.Delay(1000, Ct);
        Assert.Null(await app.Report(applicationId, 2));
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public async Task A_case_from_a_notice_objection_before_monitoring_names_the_unit_and_can_be_dismissed()
    {
        var applicationId = Guid.NewGuid();
        using var committee = app.ClientFor(Roles.CommitteeOfficer);

        var unnamed = await committee.PostAsJsonAsync("/monitoring/fraud-cases",
            new { applicationId, source = "Objection", sourceReference = "YY-2026-0001", allegation = "团队人员虚列" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal("unitUscc", (await unnamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var noSource = await committee.PostAsJsonAsync("/monitoring/fraud-cases", new { applicationId, allegation = "x", unitUscc = OtherUnit, unitName = "某公司" }, Ct);
        Assert.Equal("source", (await noSource.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var opened = await committee.PostAsJsonAsync("/monitoring/fraud-cases", new
        {
            applicationId, source = "Objection", sourceReference = "YY-2026-0001", allegation = "团队人员虚列", unitUscc = OtherUnit, unitName = "某公司",
        }, Ct);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await committee.PostAsync($"/monitoring/fraud-cases/{id}/investigate", null, Ct)).EnsureSuccessStatusCode();
        var dismissed = await committee.PostAsJsonAsync($"/monitoring/fraud-cases/{id}/dismiss", new { finding = "经核查人员均在职" }, Ct);

        Assert.Equal("Dismissed", (await dismissed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        await Task.Delay(500, Ct);
        Assert.Empty(await app.Messages("UnitDebarred", applicationId));
        Assert.Empty(await app.Messages("FraudConfirmed", applicationId));
    }

    [Fact]
    public async Task Applicants_cannot_see_or_open_fraud_cases()
    {
        using var applicant = app.ClientFor(Roles.Applicant, unit: Unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/monitoring/fraud-cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/monitoring/fraud-cases", new { applicationId = Guid.NewGuid() }, Ct)).StatusCode);
    }
}
