using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Funding.Tests.Features;

public sealed class DisbursementRunEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int FiscalYear = DateTimeOffset.UtcNow.AddHours(8).Year;

    [Fact, Trait("Req", "S-OPS"), Trait("Req", "R-A10-Y1")]
    public async Task A_run_goes_from_gathering_to_maker_checker_approval_export_and_payment()
    {
        await using var app = new FundingApp();
        var first = await app.SignAgreement(FundingApp.NewPlatform(), 5_000_000_00);
        var second = await app.SignAgreement(FundingApp.NewPlatform(uscc: "91110108MA01ABCD2Y", field: "bio-health", subPark: "changping"), 3_000_000_00);
        await app.SetBudget(FiscalYear, 10_000_000_00);

        var run = await app.GatheredRun(FiscalYear);
        Assert.Equal(2, run.Lines.Count);
        Assert.Equal(2, run.GatheredCount);
        Assert.Equal(2, run.TotalCount);
        Assert.Equal(8_000_000_00L, run.TotalFen);
        Assert.Equal(run.TotalFen, run.Lines.Sum(l => l.AmountFen));

        using var preparer = app.ClientFor(Roles.FinancePreparer);
        using var otherPreparer = app.ClientFor(Roles.FinancePreparer, user: "another-preparer");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherPreparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).StatusCode);
        var submitted = await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        // The answer is the submitted run with every line, in the order the run shows them.
        var submittedRun = (await submitted.Content.ReadFromJsonAsync<RunView>(Ct))!;
        Assert.Equal("Submitted", submittedRun.Status);
        Assert.Equal(run.Lines.Select(l => l.Id), submittedRun.Lines.Select(l => l.Id));
        Assert.Equal(run.TotalFen, submittedRun.Lines.Sum(l => l.AmountFen));

        var line1 = run.Lines.Single(l => l.AgreementId == first.Id);
        var line2 = run.Lines.Single(l => l.AgreementId == second.Id);
        // The preparer holding the approver role too is still the preparer: the `sub` decides.
        using var preparerAsApprover = app.ClientFor(Roles.FinanceApprover, user: "finance-preparer-test-user");
        var self = await preparerAsApprover.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line1.Id}/decision", new { approve = true }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("maker-checker", (await self.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line1.Id}/decision", new { approve = true }, Ct)).StatusCode);

        using var approver = app.ClientFor(Roles.FinanceApprover);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line1.Id}/decision", new { approve = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await preparer.GetAsync($"/funding/runs/{run.Id}/payment-instruction.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line2.Id}/decision", new { approve = false, note = "缺少验收材料" }, Ct)).StatusCode);

        var csv = Encoding.UTF8.GetString(await preparer.GetByteArrayAsync($"/funding/runs/{run.Id}/payment-instruction.csv", Ct)).TrimStart('\uFEFF');
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("run_id,fiscal_year,line_id", rows[0], StringComparison.Ordinal);
        Assert.Contains(line1.Id.ToString(), rows[1], StringComparison.Ordinal);
        Assert.Contains(",500000000,5000000.00,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("TOTAL,", rows[2], StringComparison.Ordinal);
        Assert.Contains(",1,500000000,5000000.00,", rows[2], StringComparison.Ordinal);

        var today = FundingApp.Today();
        var unapproved = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line2.Id}/payment", new { paidOn = today, bankReference = "BOC-1" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, unapproved.StatusCode);
        Assert.Equal("line-not-approved", (await unapproved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        var noReference = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line1.Id}/payment", new { paidOn = today }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.Equal(0, await app.Stored("DisbursementPaid", first.ApplicationId));

        var paid = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line1.Id}/payment", new { paidOn = today, bankReference = "BOC-2026-0001" }, Ct);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var twice = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line1.Id}/payment", new { paidOn = today, bankReference = "BOC-2026-0002" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("already-paid", (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rule").GetString());
        Assert.Equal(1, await app.Stored("DisbursementPaid", first.ApplicationId));

        var done = await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}", Ct);
        Assert.Equal(nameof(RunStatus.Completed), done!.Status);
        Assert.Equal(5_000_000_00L, done.PaidTotalFen);

        // The rejected platform-year was released: the next run gathers it, within what is left of the budget.
        var next = await app.GatheredRun(FiscalYear);
        var again = Assert.Single(next.Lines);
        Assert.Equal(second.Id, again.AgreementId);
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsync($"/funding/runs/{next.Id}/submit", null, Ct)).StatusCode);

        await AssertLedgerBalances(app);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_run_above_what_is_left_of_the_budget_is_refused_with_the_shortfall()
    {
        await using var app = new FundingApp();
        await app.SignAgreement(FundingApp.NewPlatform(), 5_000_000_00);
        await app.SignAgreement(FundingApp.NewPlatform(uscc: "91110108MA01ABCD2Y"), 3_000_000_00);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        var run = await app.GatheredRun(FiscalYear);

        var noBudget = await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, noBudget.StatusCode);
        Assert.Equal(8_000_000_00L, (await noBudget.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("shortfallFen").GetInt64());

        await app.SetBudget(FiscalYear, 7_999_999_99);
        var refused = await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("budget-exceeded", problem.GetProperty("rule").GetString());
        Assert.Equal(1L, problem.GetProperty("shortfallFen").GetInt64());
        Assert.Equal(7_999_999_99L, problem.GetProperty("leftFen").GetInt64());
        Assert.Contains("¥0.01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(nameof(RunStatus.Draft), (await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}", Ct))!.Status);

        await app.SetBudget(FiscalYear, 8_000_000_00);
        Assert.Equal(HttpStatusCode.OK, (await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task Two_runs_submitted_at_once_cannot_both_spend_the_same_remainder_of_the_budget()
    {
        await using var app = new FundingApp();
        await app.SetBudget(FiscalYear, 6_000_000_00);
        await app.SignAgreement(FundingApp.NewPlatform(), 5_000_000_00);
        var first = await app.GatheredRun(FiscalYear);
        await app.SignAgreement(FundingApp.NewPlatform(uscc: "91110108MA01ABCD2Y"), 3_000_000_00);
        var second = await app.GatheredRun(FiscalYear);
        Assert.Equal(5_000_000_00L, first.TotalFen);
        Assert.Equal(3_000_000_00L, second.TotalFen);
        using var a = app.ClientFor(Roles.FinancePreparer);
        using var b = app.ClientFor(Roles.FinancePreparer);

        var responses = await Task.WhenAll(a.PostAsync($"/funding/runs/{first.Id}/submit", null, Ct), b.PostAsync($"/funding/runs/{second.Id}/submit", null, Ct));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var loser = responses[0].StatusCode == HttpStatusCode.Conflict ? first : second;
        var retry = await a.PostAsync($"/funding/runs/{loser.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal(2_000_000_00L, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("shortfallFen").GetInt64());
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task Concurrent_payments_of_one_line_pay_it_exactly_once_and_the_others_get_409()
    {
        await using var app = new FundingApp();
        await PayConcurrently(app);
    }

    /// <summary>Six finance clients record the payment of the same approved line at the same moment.</summary>
    internal static async Task PayConcurrently(FundingApp app)
    {
        var agreement = await app.SignAgreement(FundingApp.NewPlatform(), 5_000_000_00);
        await app.SetBudget(FiscalYear, 10_000_000_00);
        var run = await app.GatheredRun(FiscalYear);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        (await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        var line = Assert.Single(run.Lines);
        (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line.Id}/decision", new { approve = true }, Ct)).EnsureSuccessStatusCode();

        var clients = Enumerable.Range(0, 6).Select(i => app.ClientFor(i % 2 == 0 ? Roles.FinancePreparer : Roles.FinanceApprover)).ToList();
        using var start = new SemaphoreSlim(0);
        var attempts = clients.Select(async (client, i) =>
        {
            await start.WaitAsync(Ct);
            return await client.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{line.Id}/payment",
                new { paidOn = FundingApp.Today(), bankReference = $"BOC-RACE-{i}" }, Ct);
        }).ToList();
        start.Release(clients.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(p => p.AgreementId == agreement.Id, Ct)));
        Assert.Equal(1, await app.InDb<FundingDbContext, int>(db => db.Ledger.CountAsync(e => e.Kind == LedgerKind.Payment && e.AgreementId == agreement.Id, Ct)));
        Assert.Equal(1, await app.Stored("DisbursementPaid", agreement.ApplicationId));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_database_itself_refuses_a_second_payment_of_a_platform_year()
    {
        await using var app = new FundingApp();
        var agreement = await app.SignAgreement(FundingApp.NewPlatform(), 5_000_000_00);
        var year = await app.InDb<FundingDbContext, FundingYear>(db => db.FundingYears.SingleAsync(y => y.AgreementId == agreement.Id, Ct));
        Payment Row(Guid line) => new(Guid.NewGuid(), year.Id, line, Guid.NewGuid(), agreement.Id, 1, SharedKernel.Money.FromFen(1), new DateOnly(2026, 1, 5), "B",
            "test", DateTimeOffset.UtcNow);

        await app.InDb<FundingDbContext, int>(db =>
        {
            db.Payments.Add(Row(Guid.NewGuid()));
            return db.SaveChangesAsync(Ct);
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => app.InDb<FundingDbContext, int>(db =>
        {
            db.Payments.Add(Row(Guid.NewGuid()));
            return db.SaveChangesAsync(Ct);
        }));
    }

    [Fact]
    public async Task Only_finance_preparers_start_runs_and_only_approvers_decide()
    {
        await using var app = new FundingApp();
        using var applicant = app.ClientFor(Roles.Applicant, unit: FundingApp.Uscc);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        using var officer = app.ClientFor(Roles.CommitteeOfficer);
        using var preparer = app.ClientFor(Roles.FinancePreparer);

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync("/funding/runs", new { fiscalYear = FiscalYear }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostAsJsonAsync("/funding/runs", new { fiscalYear = FiscalYear }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/funding/runs", new { fiscalYear = FiscalYear }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/funding/ledger", Ct)).StatusCode);
        var badYear = await preparer.PostAsJsonAsync("/funding/runs", new { fiscalYear = 2018 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal("fiscalYear", (await badYear.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await preparer.PostAsJsonAsync($"/funding/runs/{Guid.NewGuid()}/lines/{Guid.NewGuid()}/decision", new { approve = true }, Ct)).StatusCode);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_long_run_gathers_in_batches_and_reports_progress()
    {
        await using var app = new BatchedFundingApp();
        for (var i = 0; i < 5; i++)
        {
            await app.SignAgreement(FundingApp.NewPlatform(uscc: $"9111010800000000{i}X"), 1_000_000_00 + i);
        }

        var run = await app.GatheredRun(FiscalYear);

        Assert.Equal(5, run.TotalCount);
        Assert.Equal(5, run.GatheredCount);
        Assert.Equal(5, run.Lines.Count);
        Assert.Equal(5_000_000_10L, run.TotalFen);

        // Without its lines: what a client polls while a large run gathers, the same counts and totals.
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        var summary = (await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}?lines=false", Ct))!;
        Assert.Empty(summary.Lines);
        List<LineView> none = []; // records compare lists by reference
        Assert.Equal(run with { Lines = none }, summary with { Lines = none });
        Assert.Equal(5, (await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}?lines=true", Ct))!.Lines.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.GetAsync($"/funding/runs/{Guid.NewGuid()}?lines=false", Ct)).StatusCode);
    }

    /// <summary>The ledger balances: what it says was paid is what the payments table holds, per platform, and awards cover payments.</summary>
    internal static async Task AssertLedgerBalances(FundingApp app)
    {
        using var approver = app.ClientFor(Roles.FinanceApprover);
        var ledger = (await approver.GetFromJsonAsync<LedgerPage>("/funding/ledger", Ct))!;
        var payments = await app.InDb<FundingDbContext, List<Payment>>(db => db.Payments.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(payments.Sum(p => p.Amount.Fen), ledger.Totals.PaidFen);
        foreach (var platform in ledger.Entries.GroupBy(e => e.ApplicationId))
        {
            var mine = await approver.GetFromJsonAsync<LedgerPage>($"/funding/ledger?applicationId={platform.Key}", Ct);
            Assert.Equal(payments.Where(p => p.AgreementId == platform.First().AgreementId).Sum(p => p.Amount.Fen), mine!.Totals.PaidFen);
            Assert.True(mine.Totals.OutstandingFen >= 0);
            Assert.Equal(mine.Totals.ClawedBackFen - mine.Totals.RecoveredFen, mine.Totals.OutstandingFen);
            Assert.Equal(mine.Entries[^1].RunningTotals, mine.Totals);
        }

        var byYear = ledger.Entries.GroupBy(e => e.FiscalYear).Sum(g => g.Where(e => e.Kind == "Payment").Sum(e => e.AmountFen));
        Assert.Equal(ledger.Totals.PaidFen, byYear);
    }
}

/// <summary>Gathers two platform-years per transaction, so progress is reported between batches.</summary>
public sealed class BatchedFundingApp : FundingApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Funding:GatherBatchSize"] = "2" };
}
