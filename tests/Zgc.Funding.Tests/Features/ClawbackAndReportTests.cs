using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;
using Zgc.Monitoring.Contracts;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Funding.Tests.Features;

public sealed class ClawbackAndReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int FiscalYear = DateTimeOffset.UtcNow.AddHours(8).Year;

    /// <summary>Signs, runs, approves and pays year 1 of one platform.</summary>
    private static async Task<Agreement> PaidPlatform(FundingApp app, Zgc.Funding.Contracts.PrepareAgreement command, long awardFen)
    {
        var agreement = await app.SignAgreement(command, awardFen);
        await app.SetBudget(FiscalYear, 100_000_000_00);
        var run = await app.GatheredRun(FiscalYear);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        (await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        foreach (var line in run.Lines)
        {
            (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line.Id}/decision", new { approve = true }, Ct)).EnsureSuccessStatusCode();
        }

        foreach (var line in run.Lines)
        {
            (await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line.Id}/payment",
                new { paidOn = FundingApp.Today(), bankReference = $"BOC-{line.Id:N}"[..20] }, Ct)).EnsureSuccessStatusCode();
        }

        return agreement;
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public async Task Fraud_terminates_the_agreement_claws_back_everything_paid_and_recoveries_settle_it()
    {
        await using var app = new FundingApp();
        var command = FundingApp.NewPlatform();
        var agreement = await PaidPlatform(app, command, 5_000_000_00);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        await app.Bus.Publish(new AnnualEvaluationCompleted(command.ApplicationId, 1, true, 10_000_000_00, null, "monitor", DateTimeOffset.UtcNow), Ct);
        await Eventually.Get(() => officer.GetFromJsonAsync<AgreementView>($"/funding/agreements/{agreement.Id}", Ct), v => v?.Years.Count == 2, "year 2");
        (await officer.PostAsJsonAsync($"/funding/agreements/{agreement.Id}/years/2/award", new { amountFen = 2_000_000_00L }, Ct)).EnsureSuccessStatusCode();

        var fraud = new FraudConfirmed(command.ApplicationId, command.UnitUscc, command.UnitName, "虚报投资", "中科园发〔2027〕9号", "monitor", DateTimeOffset.UtcNow);
        await app.Bus.Publish(fraud, Ct);
        await app.Bus.Publish(fraud, Ct);
        using var finance = app.ClientFor(Roles.FinancePreparer);
        var clawbacks = await Eventually.Get(() => finance.GetFromJsonAsync<List<ClawbackView>>("/funding/clawbacks", Ct), c => c?.Count == 1, "clawback raised");
        await Task.Delay(500, Ct);

        var clawback = Assert.Single((await finance.GetFromJsonAsync<List<ClawbackView>>("/funding/clawbacks", Ct))!);
        Assert.Equal(5_000_000_00L, clawback.ReceivableFen);
        Assert.Equal("Open", clawback.Status);
        var terminated = await officer.GetFromJsonAsync<AgreementView>($"/funding/agreements/{agreement.Id}", Ct);
        Assert.Equal(nameof(AgreementStatus.Terminated), terminated!.Status);
        Assert.Equal(nameof(FundingYearStatus.Paid), terminated.Years[0].Status);
        Assert.Equal(nameof(FundingYearStatus.Cancelled), terminated.Years[1].Status);
        Assert.Equal(1, await app.Stored("ClawbackRaised", command.ApplicationId));

        var tooMuch = await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries",
            new { amountFen = 5_000_000_01L, receivedOn = FundingApp.Today(), reference = "R-1" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal("amountFen", (await tooMuch.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries",
            new { amountFen = -1L, receivedOn = FundingApp.Today(), reference = "R-1" }, Ct)).StatusCode);

        // A wrongly recorded recovery is corrected by a reversal, by a second person, never by editing it.
        var wrong = await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries",
            new { amountFen = 4_000_000_00L, receivedOn = FundingApp.Today(), reference = "R-0" }, Ct);
        var wrongId = (await wrong.Content.ReadFromJsonAsync<ClawbackView>(Ct))!.Recoveries.Single().Id;
        var self = await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries/{wrongId}/reversal", new { reason = "金额录入错误" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        using var checker = app.ClientFor(Roles.FinanceApprover);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await checker.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries/{wrongId}/reversal", new { reason = "" }, Ct)).StatusCode);
        var reversed = await checker.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries/{wrongId}/reversal", new { reason = "金额录入错误" }, Ct);
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        Assert.Equal(5_000_000_00L, (await reversed.Content.ReadFromJsonAsync<ClawbackView>(Ct))!.OutstandingFen);
        Assert.Equal(HttpStatusCode.Conflict,
            (await checker.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries/{wrongId}/reversal", new { reason = "again" }, Ct)).StatusCode);

        (await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries",
            new { amountFen = 3_000_000_00L, receivedOn = FundingApp.Today(), reference = "R-1" }, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(0, await app.Stored("ClawbackSettled", command.ApplicationId));
        var last = await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries",
            new { amountFen = 2_000_000_00L, receivedOn = FundingApp.Today(), reference = "R-2" }, Ct);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var settled = (await last.Content.ReadFromJsonAsync<ClawbackView>(Ct))!;
        Assert.Equal("Settled", settled.Status);
        Assert.Equal(0L, settled.OutstandingFen);
        Assert.Equal(1, await app.Stored("ClawbackSettled", command.ApplicationId));
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsJsonAsync($"/funding/clawbacks/{clawback.Id}/recoveries",
            new { amountFen = 1L, receivedOn = FundingApp.Today(), reference = "R-3" }, Ct)).StatusCode);

        var ledger = (await finance.GetFromJsonAsync<LedgerPage>($"/funding/ledger?applicationId={command.ApplicationId}", Ct))!;
        Assert.Equal(5_000_000_00L, ledger.Totals.PaidFen);
        Assert.Equal(5_000_000_00L, ledger.Totals.ClawedBackFen);
        Assert.Equal(5_000_000_00L, ledger.Totals.RecoveredFen);
        Assert.Equal(0L, ledger.Totals.OutstandingFen);
        Assert.Equal(0L, ledger.Totals.NetDisbursedFen);
        // Year 2's award (2,000,000.00) was reversed when the agreement was terminated: only year 1's award remains.
        Assert.Equal(5_000_000_00L, ledger.Totals.AwardedFen);
        Assert.Contains(ledger.Entries, e => e.Kind == "Reversal" && e.ReversedKind == "Award" && e.AmountFen == 2_000_000_00L);
        Assert.Contains(ledger.Entries, e => e.Kind == "Reversal" && e.ReversedKind == "Recovery" && e.AmountFen == 4_000_000_00L);
        await DisbursementRunEndpointsTests.AssertLedgerBalances(app);
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public async Task An_approved_line_of_a_terminated_agreement_is_not_paid()
    {
        await using var app = new FundingApp();
        var command = FundingApp.NewPlatform();
        await app.SignAgreement(command, 5_000_000_00);
        await app.SetBudget(FiscalYear, 100_000_000_00);
        var run = await app.GatheredRun(FiscalYear);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        (await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{run.Lines[0].Id}/decision", new { approve = true }, Ct)).EnsureSuccessStatusCode();

        await app.Bus.Publish(new FraudConfirmed(command.ApplicationId, command.UnitUscc, command.UnitName, "虚报", "ref", "monitor", DateTimeOffset.UtcNow), Ct);
        using var finance = app.ClientFor(Roles.FinancePreparer);
        var clawbacks = await Eventually.Get(() => finance.GetFromJsonAsync<List<ClawbackView>>("/funding/clawbacks", Ct), c => c?.Count == 1, "clawback");

        Assert.Equal("Settled", clawbacks[0].Status);
        Assert.Equal(0L, clawbacks[0].ReceivableFen);
        var refused = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{run.Lines[0].Id}/payment",
            new { paidOn = FundingApp.Today(), bankReference = "BOC-1" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(0, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(Ct)));
        Assert.Equal(1, await app.Stored("ClawbackSettled", command.ApplicationId));
    }

    [Fact]
    public async Task Totals_are_reported_per_fiscal_year_field_sub_park_and_platform_as_json_and_csv()
    {
        await using var app = new FundingApp();
        var it = FundingApp.NewPlatform(field: "next-generation-it", subPark: "haidian");
        var bio = FundingApp.NewPlatform(uscc: "91110108MA01ABCD2Y", field: "bio-health", subPark: "changping");
        await app.SignAgreement(it, 5_000_000_00);
        await app.SignAgreement(bio, 3_000_000_00);
        await app.SetBudget(FiscalYear, 100_000_000_00);
        var run = await app.GatheredRun(FiscalYear);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        (await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        foreach (var line in run.Lines)
        {
            (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line.Id}/decision", new { approve = true }, Ct)).EnsureSuccessStatusCode();
        }

        var itLine = run.Lines.Single(l => l.ApplicationId == it.ApplicationId);
        (await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{itLine.Id}/payment", new { paidOn = FundingApp.Today(), bankReference = "B-1" }, Ct))
            .EnsureSuccessStatusCode();
        using var officer = app.ClientFor(Roles.CommitteeOfficer);

        var byField = (await officer.GetFromJsonAsync<TotalsReport>("/funding/reports/totals?by=field", Ct))!;
        Assert.Equal(["bio-health", "next-generation-it"], byField.Rows.Select(r => r.Key));
        Assert.Equal(3_000_000_00L, byField.Rows[0].AwardedFen);
        Assert.Equal(0L, byField.Rows[0].PaidFen);
        Assert.Equal(5_000_000_00L, byField.Rows[1].PaidFen);
        Assert.Equal(8_000_000_00L, byField.Total.AwardedFen);
        Assert.Equal(5_000_000_00L, byField.Total.PaidFen);

        var bySubPark = (await officer.GetFromJsonAsync<TotalsReport>("/funding/reports/totals?by=subPark", Ct))!;
        Assert.Equal(["changping", "haidian"], bySubPark.Rows.Select(r => r.Key));
        var byPlatform = (await officer.GetFromJsonAsync<TotalsReport>("/funding/reports/totals?by=platform", Ct))!;
        Assert.Equal(2, byPlatform.Rows.Count);
        Assert.All(byPlatform.Rows, r => Assert.Equal("集成电路设计服务平台", r.Label));
        var byYear = (await officer.GetFromJsonAsync<TotalsReport>("/funding/reports/totals", Ct))!;
        Assert.Equal(FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(byYear.Rows).Key);

        var csv = Encoding.UTF8.GetString(await officer.GetByteArrayAsync("/funding/reports/totals.csv?by=field", Ct)).TrimStart('\uFEFF');
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("field,label,awarded_fen,paid_fen", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("next-generation-it,,500000000,500000000,", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("TOTAL,,800000000,500000000,", rows[3], StringComparison.Ordinal);

        var bad = await officer.GetAsync("/funding/reports/totals?by=colour", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("by", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
    }
}
