using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MassTransit;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Monitoring.Contracts;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.Testing;

namespace Zgc.Funding.Tests.Features;

/// <summary>Funding with a second policy version configured: 25 %, CNY 8 M a year, two construction years.</summary>
public sealed class PolicyFundingApp : FundingApp
{
    public const string Version = "2030-test/v2";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Policy:Versions:0:Version"] = Version,
        ["Policy:Versions:0:EffectiveFrom"] = "2030-01-01",
        ["Policy:Versions:0:SupportRatioPercent"] = "25",
        ["Policy:Versions:0:StandardAnnualCeilingYuan"] = "8000000",
        ["Policy:Versions:0:ConstructionYears"] = "2",
    };
}

/// <summary>An agreement copies the figures of the lifecycle's policy version and keeps them (R-A10-Y1, R-A10-Y23).</summary>
public sealed class PolicyVersionTests(PolicyFundingApp app) : IClassFixture<PolicyFundingApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A10-Y1")]
    public async Task The_year_one_cap_follows_the_agreements_policy_version()
    {
        // CNY 40 M base: 25 % is CNY 10 M, above the version's CNY 8 M ceiling.
        var under2030 = await app.Draft(FundingApp.NewPlatform() with { PolicyVersion = PolicyFundingApp.Version });
        Assert.Equal(PolicyFundingApp.Version, under2030.PolicyVersion);
        Assert.Equal(Money.FromYuan(8_000_000), under2030.Year1Cap.Amount);
        Assert.Contains("min(25%", under2030.Year1Cap.ExplanationEn, StringComparison.Ordinal);
        Assert.Equal(under2030.ConstructionStartsOn.AddYears(2).AddDays(-1), under2030.ConstructionEndsOn);

        // Without a version (an older sender), the version in force on the day of inclusion (2026): the 2019 measures.
        var older = await app.Draft(FundingApp.NewPlatform());
        Assert.Equal("2019-measures/v1", older.PolicyVersion);
        Assert.Equal(Money.FromYuan(10_000_000), older.Year1Cap.Amount);

        using var reader = app.ClientFor(Roles.CommitteeOfficer);
        var view = await reader.GetFromJsonAsync<JsonElement>($"/funding/agreements/{under2030.Id}", Ct);
        Assert.Equal(25, view.GetProperty("policy").GetProperty("supportRatioPercent").GetInt32());
        Assert.Equal(800_000_000, view.GetProperty("policy").GetProperty("standardAnnualCeilingFen").GetInt64());

        var preview = await reader.GetFromJsonAsync<JsonElement>($"/funding/caps?baseFen=4000000000&policyVersion={PolicyFundingApp.Version}", Ct);
        Assert.Equal(800_000_000, preview.GetProperty("capFen").GetInt64());
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public async Task The_last_construction_year_is_the_policy_versions()
    {
        var command = FundingApp.NewPlatform() with { PolicyVersion = PolicyFundingApp.Version };
        var agreement = await app.SignAgreement(command, year1AwardFen: 500_000_000);

        await app.Bus.Publish(new AnnualEvaluationCompleted(command.ApplicationId, 1, true, 2_000_000_000, null, "monitoring", DateTimeOffset.UtcNow), Ct);
        var year2 = await Eventually.Get(() => app.InDb<FundingDbContext, FundingYear?>(db =>
            db.FundingYears.AsNoTracking().SingleOrDefaultAsync(y => y.AgreementId == agreement.Id && y.ConstructionYear == 2, Ct)), y => y is not null, "year 2");
        Assert.Equal(Money.FromYuan(5_000_000), year2!.Cap); // 25 % of CNY 20 M

        // Year 2 is the last under this version: its evaluation opens no year 3.
        var messageId = Guid.NewGuid();
        await app.Bus.Publish(new AnnualEvaluationCompleted(command.ApplicationId, 2, true, 2_000_000_000, null, "monitoring", DateTimeOffset.UtcNow),
            context => context.MessageId = messageId, Ct);
        await Eventually.True(() => app.InDb<FundingDbContext, bool>(db => db.InboxMessages.AnyAsync(m => m.MessageId == messageId, Ct)),
            "the year-2 evaluation handled");
        Assert.False(await app.InDb<FundingDbContext, bool>(db => db.FundingYears.AnyAsync(y => y.AgreementId == agreement.Id && y.ConstructionYear == 3, Ct)));
    }

    [Fact]
    public async Task An_unknown_policy_version_faults_the_command_instead_of_drafting_under_wrong_figures()
    {
        var command = FundingApp.NewPlatform() with { PolicyVersion = "1999-unknown/v0" };
        await app.Bus.Publish(command, Ct);
        await Eventually.True(async () => await app.InDb<FundingDbContext, bool>(db =>
            db.FaultedMessages.AnyAsync(f => f.MessageType.Contains("PrepareAgreement") && f.ExceptionMessage.Contains("1999-unknown/v0"), Ct)), "the fault recorded");
        Assert.Null(await app.AgreementOf(command.ApplicationId));
    }
}
