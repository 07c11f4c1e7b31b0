using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Funding.Tests.Features;

public sealed class AgreementEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-AGREEMENT")]
    public async Task PrepareAgreement_drafts_one_agreement_however_often_it_arrives()
    {
        await using var app = new FundingApp();
        var command = FundingApp.NewPlatform();

        var agreement = await app.Draft(command);
        await app.Bus.Publish(command, Ct);
        await app.Bus.Publish(command with { PlatformName = "changed" }, Ct);
        await Task.Delay(1000, Ct);

        var count = await app.InDb<FundingDbContext, int>(db => db.Agreements.CountAsync(a => a.ApplicationId == command.ApplicationId, Ct));
        Assert.Equal(1, count);
        Assert.Equal(AgreementStatus.Draft, agreement.Status);
        Assert.Equal(command.PlatformName, agreement.PlatformName);
        Assert.Equal(command.SupportBaseFen, agreement.SupportBase.Fen);
        Assert.Null(agreement.Year1Award); // undecided stays undecided through the database, not zero
        Assert.Equal(new DateOnly(2026, 3, 2), agreement.ConstructionStartsOn);
        Assert.Equal(new DateOnly(2029, 3, 1), agreement.ConstructionEndsOn);
    }

    [Fact]
    public async Task The_list_narrows_to_one_application_and_keeps_each_unit_to_its_own()
    {
        await using var app = new FundingApp();
        var first = FundingApp.NewPlatform();
        var second = FundingApp.NewPlatform();
        var firstDraft = await app.Draft(first);
        await app.Draft(second);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        Assert.Equal(2, (await officer.GetFromJsonAsync<List<AgreementSummary>>("/funding/agreements", Ct))!.Count);
        var one = Assert.Single((await officer.GetFromJsonAsync<List<AgreementSummary>>($"/funding/agreements?applicationId={first.ApplicationId}", Ct))!);
        Assert.Equal(firstDraft.Id, one.Id);
        Assert.Empty((await officer.GetFromJsonAsync<List<AgreementSummary>>($"/funding/agreements?applicationId={Guid.NewGuid()}", Ct))!);

        // The filter narrows what the caller may see; it never widens it.
        using var stranger = app.ClientFor(Roles.Applicant, unit: "91110000000000000X");
        Assert.Empty((await stranger.GetFromJsonAsync<List<AgreementSummary>>($"/funding/agreements?applicationId={first.ApplicationId}", Ct))!);
        using var unit = app.ClientFor(Roles.Applicant, unit: first.UnitUscc);
        Assert.Single((await unit.GetFromJsonAsync<List<AgreementSummary>>($"/funding/agreements?applicationId={first.ApplicationId}", Ct))!);

        var malformed = await officer.GetAsync("/funding/agreements?applicationId=not-a-guid", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("applicationId", await malformed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // By status: the committee's inbox asks for the drafts only (a capped list of every agreement need not hold them).
        Assert.Equal(2, (await officer.GetFromJsonAsync<List<AgreementSummary>>("/funding/agreements?status=Draft", Ct))!.Count);
        using (var counted = await officer.GetAsync("/funding/agreements?status=Draft", Ct))
        {
            Assert.Equal("2", counted.Headers.GetValues("X-Total-Count").Single()); // how many match, for a page that shows the newest 1,000
        }

        Assert.Empty((await officer.GetFromJsonAsync<List<AgreementSummary>>("/funding/agreements?status=InForce", Ct))!);
        var badStatus = await officer.GetAsync("/funding/agreements?status=Signed", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("status", await badStatus.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A13-AGREEMENT"), Trait("Req", "R-A10-Y1")]
    public async Task Officers_complete_the_terms_within_the_cap_both_parties_sign_and_AgreementSigned_is_stored()
    {
        await using var app = new FundingApp();
        var command = FundingApp.NewPlatform(supportBaseFen: 33_333_333_33);
        var draft = await app.Draft(command);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var above = await officer.PutAsJsonAsync($"/funding/agreements/{draft.Id}/terms", new { year1AwardFen = 10_000_000_00L }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        var problem = await above.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("year1AwardFen", problem.GetProperty("field").GetString());
        Assert.Equal("R-A10-Y1", problem.GetProperty("rule").GetString());
        Assert.Equal(1, (await app.AgreementOf(command.ApplicationId))!.TermsVersion);

        var year = new { majorBreakthroughs = 1, inventionPatents = 10, standards = 2, enterprisesIntegratedOrServed = 20, investmentScaleFen = 2_000_000_000L, outputValueFen = 5_000_000_000L };
        var terms = await officer.PutAsJsonAsync($"/funding/agreements/{draft.Id}/terms",
            new { targets = new { year1 = year, year2 = year, year3 = year }, year1AwardFen = 9_999_999_99L, note = "按论证意见" }, Ct);
        Assert.Equal(HttpStatusCode.OK, terms.StatusCode);
        var view = (await terms.Content.ReadFromJsonAsync<AgreementView>(Ct))!;
        Assert.Equal(9_999_999_99L, view.Year1Cap.CapFen);
        Assert.Contains("¥33,333,333.33", view.Year1Cap.ExplanationZh, StringComparison.Ordinal);
        Assert.Equal(30, view.Targets.Total.InventionPatents);
        Assert.Equal(2, view.Revisions.Count);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/funding/agreements/{draft.Id}/signatures", new { party = "committee" }, Ct)).StatusCode);
        using var stranger = app.ClientFor(Roles.Applicant, unit: "91110000000000000X");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PostAsJsonAsync($"/funding/agreements/{draft.Id}/signatures", new { party = "unit" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/funding/agreements/{draft.Id}", Ct)).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<List<AgreementSummary>>("/funding/agreements", Ct))!);
        Assert.Equal(0, await app.Stored("AgreementSigned", command.ApplicationId));

        using var unit = app.ClientFor(Roles.Applicant, unit: command.UnitUscc);
        var signed = await unit.PostAsJsonAsync($"/funding/agreements/{draft.Id}/signatures", new { party = "unit", signerName = "张三" }, Ct);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var done = (await signed.Content.ReadFromJsonAsync<AgreementView>(Ct))!;
        Assert.Equal(nameof(AgreementStatus.InForce), done.Status);
        Assert.Equal(["Committee", "Unit"], done.Signatures.Select(s => s.Party));
        Assert.Equal("张三", done.Signatures[1].SignerName);
        var year1 = Assert.Single(done.Years);
        Assert.Equal(nameof(FundingYearStatus.Due), year1.Status);
        Assert.Equal(9_999_999_99L, year1.AwardFen);
        Assert.Equal(1, await app.Stored("AgreementSigned", command.ApplicationId));
        Assert.Single((await unit.GetFromJsonAsync<List<AgreementSummary>>("/funding/agreements", Ct))!);

        // Signed: terms are no longer edited; an amendment needs a reason and keeps the history.
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PutAsJsonAsync($"/funding/agreements/{draft.Id}/terms", new { year1AwardFen = 1L }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/funding/agreements/{draft.Id}/amendments", new { reason = "" }, Ct)).StatusCode);
        var amended = await officer.PostAsJsonAsync($"/funding/agreements/{draft.Id}/amendments",
            new { targets = new { year1 = year, year2 = year, year3 = year with { inventionPatents = 12 } }, reason = "补充协议" }, Ct);
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var history = (await amended.Content.ReadFromJsonAsync<AgreementView>(Ct))!;
        Assert.Equal([1, 2, 3], history.Revisions.Select(r => r.TermsVersion));
        Assert.Equal(32, history.Targets.Total.InventionPatents);
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public async Task A_passed_evaluation_opens_the_next_year_at_its_cap_and_the_committee_awards_within_it()
    {
        await using var app = new FundingApp();
        var command = FundingApp.NewPlatform();
        var agreement = await app.SignAgreement(command, 5_000_000_00);
        var passed = new Monitoring.Contracts.AnnualEvaluationCompleted(command.ApplicationId, 1, true, 20_000_000_00, null, "monitor", DateTimeOffset.UtcNow);

        await app.Bus.Publish(passed, Ct);
        await app.Bus.Publish(passed, Ct);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        var view = await Eventually.Get(() => officer.GetFromJsonAsync<AgreementView>($"/funding/agreements/{agreement.Id}", Ct), v => v?.Years.Count == 2,
            "year 2 opened");
        await Task.Delay(500, Ct);

        var year2 = view.Years[1];
        Assert.Equal(nameof(FundingYearStatus.AwaitingAward), year2.Status);
        Assert.Equal(6_000_000_00L, year2.Cap.CapFen);
        Assert.Equal("R-A10-Y23", year2.Cap.Rule);
        Assert.Equal(2, await app.InDb<FundingDbContext, int>(db => db.FundingYears.CountAsync(y => y.AgreementId == agreement.Id, Ct)));

        var above = await officer.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/years/2/award", new { amountFen = 6_000_000_01L }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        Assert.Equal("amountFen", (await above.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        var negative = await officer.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/years/2/award", new { amountFen = -1L }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var awarded = await officer.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/years/2/award", new { amountFen = 5_500_000_00L }, Ct);
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        Assert.Equal(nameof(FundingYearStatus.Due), (await awarded.Content.ReadFromJsonAsync<FundingYearView>(Ct))!.Status);

        await app.Bus.Publish(new Monitoring.Contracts.AnnualEvaluationCompleted(command.ApplicationId, 2, false, 0, "未通过", "monitor", DateTimeOffset.UtcNow), Ct);
        var after = await Eventually.Get(() => officer.GetFromJsonAsync<AgreementView>($"/funding/agreements/{agreement.Id}", Ct), v => v?.Years.Count == 3,
            "year 3 recorded");
        Assert.Equal(nameof(FundingYearStatus.NotEligible), after.Years[2].Status);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public async Task The_cap_preview_explains_the_formula_and_refuses_a_negative_base()
    {
        await using var app = new FundingApp();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var cap = await officer.GetFromJsonAsync<CapView>("/funding/caps?baseFen=3333333334&especiallyMajor=false", Ct);
        Assert.Equal(10_000_000_00L, cap!.CapFen);
        Assert.Contains("min(30%", cap.ExplanationEn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/funding/caps?baseFen=-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_history_tables_refuse_updates_and_deletes()
    {
        await using var app = new FundingApp();
        var agreement = await app.SignAgreement(FundingApp.NewPlatform(), 1_000_00);

        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => app.InDb<FundingDbContext, int>(async db =>
        {
            var entry = await db.Ledger.FirstAsync(e => e.AgreementId == agreement.Id, Ct);
            db.Entry(entry).Property(e => e.Reference).CurrentValue = "changed";
            return await db.SaveChangesAsync(Ct);
        }));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.InDb<FundingDbContext, int>(async db =>
        {
            db.AgreementRevisions.Remove(await db.AgreementRevisions.FirstAsync(r => r.AgreementId == agreement.Id, Ct));
            return await db.SaveChangesAsync(Ct);
        }));
    }
}
