using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Funding.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Standalone.Tests;

/// <summary>
/// Fraud confirmed at monitoring reaches every service through the bus (R-A15-FRAUD, R-A15-DEBARRED): the lifecycle is
/// revoked, funding terminates the agreement and raises the clawback, and intake refuses the unit from then on.
/// </summary>
public sealed class FraudChainTests(StandaloneApp app) : IClassFixture<StandaloneApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A15-FRAUD"), Trait("Req", "R-A15-DEBARRED")]
    public async Task Confirmed_fraud_revokes_the_lifecycle_and_debars_the_unit_at_intake()
    {
        var unit = IntakePayloads.OtherUnit;
        using var applicant = app.ClientFor(Roles.Applicant, unit: unit);
        using var monitoring = app.ClientFor(Roles.MonitoringOfficer, user: "monitor-chen");
        using var committee = app.ClientFor(Roles.CommitteeOfficer);
        var id = await IntakeWalk.SubmitEligible(applicant, IntakePayloads.Application("haidian"), Ct);
        await Eventually.True(async () => await State(committee, id) == "SubParkReview", "the lifecycle started");
        // Funding holds an agreement for the platform (as after its inclusion), so the chain has something to terminate.
        await app.Services.GetRequiredService<IBus>().Publish(new PrepareAgreement(id, "示例平台", unit, "北京示例科技有限公司", "next-generation-it",
            "haidian", false, null, 6_000_000_000, 5_000_000_000, DateTimeOffset.UtcNow), Ct);
        await Eventually.True(async () => await AgreementStatus(committee, id) == "Draft", "the agreement drafted");

        var opened = await monitoring.PostAsJsonAsync("/monitoring/fraud-cases", new
        {
            applicationId = id, source = "Audit", sourceReference = "专项审计〔2026〕7号", allegation = "虚报建设投资", unitUscc = unit, unitName = "北京示例科技有限公司",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await monitoring.PostAsJsonAsync($"/monitoring/fraud-cases/{caseId}/investigate", new { }, Ct)).StatusCode);
        var confirmed = await monitoring.PostAsJsonAsync($"/monitoring/fraud-cases/{caseId}/confirm", new
        {
            evidence = "审计底稿第12页：设备发票重复入账", finding = "虚报投资额1200万元", decisionReference = "中关村管委会决定〔2026〕9号",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        await Eventually.True(async () => await State(committee, id) == "Revoked", "the lifecycle revoked");
        await Eventually.True(async () => await AgreementStatus(committee, id) == "Terminated", "the agreement terminated");
        await Eventually.True(async () =>
        {
            var clawbacks = await committee.GetFromJsonAsync<JsonElement>("/funding/clawbacks", Ct);
            return clawbacks.EnumerateArray().Any(c => c.GetProperty("applicationId").GetGuid() == id);
        }, "the clawback raised");
        await Eventually.True(async () =>
        {
            using var again = await applicant.PostAsJsonAsync("/intake/applications", IntakePayloads.Application("haidian"), Ct);
            return again.StatusCode == HttpStatusCode.Forbidden;
        }, "intake refusing the debarred unit");
    }

    private static async Task<string?> AgreementStatus(HttpClient reader, Guid applicationId)
    {
        var agreements = await reader.GetFromJsonAsync<JsonElement>("/funding/agreements", Ct);
        return agreements.EnumerateArray().Where(a => a.GetProperty("applicationId").GetGuid() == applicationId)
            .Select(a => a.GetProperty("status").GetString()).SingleOrDefault();
    }

    private static async Task<string?> State(HttpClient operatorClient, Guid id)
    {
        using var response = await operatorClient.GetAsync($"/workflows/instances/{id}", Ct);
        return response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("currentState").GetString()
            : null;
    }
}
