using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Funding.Tests.Features;

/// <summary>Deciding and paying a run's lines many at a time: the same rules as one line, all or nothing, a refusal names the entry.</summary>
public sealed class DisbursementRunBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int FiscalYear = DateTimeOffset.UtcNow.AddHours(8).Year;

    [Fact, Trait("Req", "S-OPS"), Trait("Req", "R-A10-Y1")]
    public async Task A_batch_of_decisions_and_a_bank_statement_of_payments_complete_a_run_in_two_requests()
    {
        await using var app = new FundingApp();
        var (run, agreements) = await SubmittedRun(app, 4);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        var rejected = run.Lines[3];

        var decided = await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/decisions", new
        {
            decisions = run.Lines.Select(l => new { lineId = l.Id, approve = l.Id != rejected.Id, note = l.Id == rejected.Id ? "缺少验收材料" : null }),
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var decisions = (await decided.Content.ReadFromJsonAsync<RunBatchView>(Ct))!;
        Assert.Equal(nameof(RunStatus.Approved), decisions.Run.Status);
        Assert.Equal(run.Lines.Select(l => l.Id), decisions.Lines.Select(l => l.Id));
        Assert.Equal(["Approved", "Approved", "Approved", "Rejected"], decisions.Lines.Select(l => l.Status));
        Assert.Equal("缺少验收材料", decisions.Lines[3].DecisionNote);
        Assert.Equal(run.Lines.Take(3).Sum(l => l.AmountFen), decisions.Run.ApprovedTotalFen);
        Assert.Empty(decisions.Run.Lines);
        // The rejected platform-year is released at once, as by the one-line decision.
        Assert.Equal(FundingYearStatus.Due,
            await app.InDb<FundingDbContext, FundingYearStatus>(db => db.FundingYears.Where(y => y.Id == rejected.FundingYearId).Select(y => y.Status).SingleAsync(Ct)));

        var today = FundingApp.Today();
        var approved = decisions.Lines.Where(l => l.Status == "Approved").ToList();
        var paid = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/payments", new
        {
            payments = approved.Select((l, i) => new { lineId = l.Id, paidOn = today, bankReference = $"BOC-STATEMENT-{i + 1}" }),
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var payments = (await paid.Content.ReadFromJsonAsync<RunBatchView>(Ct))!;
        Assert.Equal(nameof(RunStatus.Completed), payments.Run.Status);
        Assert.Equal(approved.Sum(l => l.AmountFen), payments.Run.PaidTotalFen);
        Assert.Equal(["BOC-STATEMENT-1", "BOC-STATEMENT-2", "BOC-STATEMENT-3"], payments.Lines.Select(l => l.BankReference));
        Assert.All(payments.Lines, l => Assert.Equal("Paid", l.Status));
        foreach (var line in approved)
        {
            Assert.Equal(1, await app.Stored("DisbursementPaid", line.ApplicationId));
        }

        Assert.Equal(0, await app.Stored("DisbursementPaid", rejected.ApplicationId));
        Assert.Equal(3, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(p => p.RunId == run.Id, Ct)));
        Assert.Equal(3, await app.InDb<FundingDbContext, int>(db => db.Ledger.CountAsync(e => e.Kind == LedgerKind.Payment, Ct)));
        Assert.Equal(agreements.Count, (await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}", Ct))!.Lines.Count);
        await DisbursementRunEndpointsTests.AssertLedgerBalances(app);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_batch_with_one_bad_entry_changes_nothing_and_names_the_entry()
    {
        await using var app = new FundingApp();
        var (run, _) = await SubmittedRun(app, 3);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        var ids = run.Lines.Select(l => l.Id).ToList();

        await Refused(approver, $"/funding/runs/{run.Id}/decisions", new { decisions = new[] { Approve(ids[0]), Approve(Guid.NewGuid()), Approve(ids[2]) } },
            HttpStatusCode.BadRequest, "run-line", "decisions[1].lineId");
        await Refused(approver, $"/funding/runs/{run.Id}/decisions", new { decisions = new[] { Approve(ids[0]), Approve(ids[1]), Approve(ids[0]) } },
            HttpStatusCode.BadRequest, "batch-duplicate", "decisions[2].lineId");
        await Refused(approver, $"/funding/runs/{run.Id}/decisions",
            new { decisions = new object[] { Approve(ids[0]), new { lineId = ids[1], approve = false, note = new string('意', 2001) } } },
            HttpStatusCode.BadRequest, "line-decision", "decisions[1].note");
        await Refused(approver, $"/funding/runs/{run.Id}/decisions", new { decisions = Array.Empty<object>() }, HttpStatusCode.BadRequest, "batch-size", "decisions");
        await Refused(approver, $"/funding/runs/{run.Id}/decisions", new { }, HttpStatusCode.BadRequest, "batch-size", "decisions");
        await Refused(approver, $"/funding/runs/{run.Id}/decisions", new { decisions = new[] { Approve(ids[0]), null } }, HttpStatusCode.BadRequest, "batch-entry",
            "decisions[1]");
        await Refused(preparer, $"/funding/runs/{run.Id}/payments", new { payments = new object?[] { null } }, HttpStatusCode.BadRequest, "batch-entry", "payments[0]");
        await Refused(approver, $"/funding/runs/{run.Id}/decisions",
            new { decisions = Enumerable.Range(0, DisbursementRunBatches.MaxEntries + 1).Select(_ => Approve(Guid.NewGuid())) },
            HttpStatusCode.BadRequest, "batch-size", "decisions");
        // Maker-checker holds for every entry of a batch.
        using var preparerAsApprover = app.ClientFor(Roles.FinanceApprover, user: "finance-preparer-test-user");
        await Refused(preparerAsApprover, $"/funding/runs/{run.Id}/decisions", new { decisions = ids.Select(Approve) }, HttpStatusCode.Forbidden, "maker-checker",
            "decisions[0]");
        Assert.Equal(HttpStatusCode.Forbidden, (await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/decisions", new { decisions = ids.Select(Approve) }, Ct)).StatusCode);

        var unchanged = (await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}", Ct))!;
        Assert.Equal(nameof(RunStatus.Submitted), unchanged.Status);
        Assert.All(unchanged.Lines, l => Assert.Equal("Proposed", l.Status));

        // Paying before every line is decided is refused (the run is not approved), naming the first entry; then one line is decided alone, and deciding
        // it again inside a batch refuses the whole batch.
        await Refused(preparer, $"/funding/runs/{run.Id}/payments", new { payments = new[] { Pay(ids[0]) } }, HttpStatusCode.Conflict, "run-status",
            "payments[0]");
        (await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{ids[1]}/decision", new { approve = true }, Ct)).EnsureSuccessStatusCode();
        await Refused(approver, $"/funding/runs/{run.Id}/decisions", new { decisions = ids.Select(Approve) }, HttpStatusCode.Conflict, null, "decisions[1]");
        var decided = await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/decisions", new { decisions = new[] { Approve(ids[0]), Approve(ids[2]) } }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        // A statement whose second entry is dated tomorrow, or pays a line already paid, records no payment at all.
        var tomorrow = DateOnly.Parse(FundingApp.Today(), CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Refused(preparer, $"/funding/runs/{run.Id}/payments",
            new { payments = new object[] { Pay(ids[0]), new { lineId = ids[1], paidOn = tomorrow, bankReference = "BOC-2" } } },
            HttpStatusCode.BadRequest, "payment-date", "payments[1].paidOn");
        await Refused(preparer, $"/funding/runs/{run.Id}/payments", new { payments = new object[] { Pay(ids[0]), new { lineId = ids[1], bankReference = "BOC-2" } } },
            HttpStatusCode.BadRequest, "payment-date", "payments[1].paidOn");
        (await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/lines/{ids[2]}/payment", Pay(ids[2]), Ct)).EnsureSuccessStatusCode();
        await Refused(preparer, $"/funding/runs/{run.Id}/payments", new { payments = ids.Select(Pay) }, HttpStatusCode.Conflict, "already-paid", "payments[2]");
        Assert.Equal(1, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(p => p.RunId == run.Id, Ct)));
        Assert.Equal(1, await app.InDb<FundingDbContext, int>(db => db.Ledger.CountAsync(e => e.Kind == LedgerKind.Payment, Ct)));
        var published = 0;
        foreach (var line in run.Lines)
        {
            published += await app.Stored("DisbursementPaid", line.ApplicationId);
        }

        Assert.Equal(1, published);

        var rest = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/payments", new { payments = ids.Take(2).Select(Pay) }, Ct);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal(nameof(RunStatus.Completed), (await rest.Content.ReadFromJsonAsync<RunBatchView>(Ct))!.Run.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await preparer.PostAsJsonAsync($"/funding/runs/{Guid.NewGuid()}/payments", new { payments = ids.Select(Pay) }, Ct)).StatusCode);
        await DisbursementRunEndpointsTests.AssertLedgerBalances(app);
    }

    private static object Approve(Guid lineId) => new { lineId, approve = true };

    private static object Pay(Guid lineId) => new { lineId, paidOn = FundingApp.Today(), bankReference = $"BOC-{lineId.ToString()[..8]}" };

    private static async Task Refused(HttpClient client, string path, object body, HttpStatusCode status, string? rule, string field)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        if (rule is not null)
        {
            Assert.Equal(rule, problem.GetProperty("rule").GetString());
        }
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task A_batch_larger_than_a_chunk_is_still_all_or_nothing_and_names_the_entry_by_its_place_in_the_batch()
    {
        // Two entries per chunk: a batch of five is applied in three chunks inside its one transaction.
        await using var app = new ChunkedBatchFundingApp();
        var (run, _) = await SubmittedRun(app, 5);
        using var approver = app.ClientFor(Roles.FinanceApprover);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        var ids = run.Lines.Select(l => l.Id).ToList();

        // The bad entry is in the second chunk: the first chunk's decisions, already saved in the transaction, are rolled back.
        await Refused(approver, $"/funding/runs/{run.Id}/decisions",
            new { decisions = new[] { Approve(ids[0]), Approve(ids[1]), Approve(ids[2]), Approve(Guid.NewGuid()), Approve(ids[4]) } },
            HttpStatusCode.BadRequest, "run-line", "decisions[3].lineId");
        var unchanged = (await preparer.GetFromJsonAsync<RunView>($"/funding/runs/{run.Id}", Ct))!;
        Assert.Equal(nameof(RunStatus.Submitted), unchanged.Status);
        Assert.All(unchanged.Lines, l => Assert.Equal("Proposed", l.Status));

        var decided = await approver.PostAsJsonAsync($"/funding/runs/{run.Id}/decisions", new { decisions = ids.Select(Approve) }, Ct);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var decisions = (await decided.Content.ReadFromJsonAsync<RunBatchView>(Ct))!;
        Assert.Equal(nameof(RunStatus.Approved), decisions.Run.Status);
        Assert.Equal(ids, decisions.Lines.Select(l => l.Id));
        Assert.Equal(run.TotalFen, decisions.Run.ApprovedTotalFen);

        // A statement whose last entry (third chunk) is dated tomorrow records none of the four before it.
        var tomorrow = DateOnly.Parse(FundingApp.Today(), CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Refused(preparer, $"/funding/runs/{run.Id}/payments",
            new { payments = ids.Take(4).Select(Pay).Append(new { lineId = ids[4], paidOn = tomorrow, bankReference = "BOC-5" }) },
            HttpStatusCode.BadRequest, "payment-date", "payments[4].paidOn");
        Assert.Equal(0, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(p => p.RunId == run.Id, Ct)));
        Assert.Equal(0, await app.InDb<FundingDbContext, int>(db => db.Ledger.CountAsync(e => e.Kind == LedgerKind.Payment, Ct)));
        foreach (var line in run.Lines)
        {
            Assert.Equal(0, await app.Stored("DisbursementPaid", line.ApplicationId));
        }

        var paid = await preparer.PostAsJsonAsync($"/funding/runs/{run.Id}/payments", new { payments = ids.Select(Pay) }, Ct);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var payments = (await paid.Content.ReadFromJsonAsync<RunBatchView>(Ct))!;
        Assert.Equal(nameof(RunStatus.Completed), payments.Run.Status);
        Assert.Equal(run.TotalFen, payments.Run.PaidTotalFen);
        Assert.Equal(ids, payments.Lines.Select(l => l.Id));
        Assert.Equal(5, await app.InDb<FundingDbContext, int>(db => db.Payments.CountAsync(p => p.RunId == run.Id, Ct)));
        foreach (var line in run.Lines)
        {
            Assert.Equal(1, await app.Stored("DisbursementPaid", line.ApplicationId));
        }

        await DisbursementRunEndpointsTests.AssertLedgerBalances(app);
    }

    /// <summary>A run of <paramref name="platforms"/> lines, submitted for approval.</summary>
    internal static async Task<(RunView Run, List<Agreement> Agreements)> SubmittedRun(FundingApp app, int platforms)
    {
        var agreements = new List<Agreement>();
        for (var i = 0; i < platforms; i++)
        {
            agreements.Add(await app.SignAgreement(FundingApp.NewPlatform(uscc: $"91110108{i:D9}X"), 1_000_000_00 + i));
        }

        await app.SetBudget(FiscalYear, 1_000_000_000_00);
        var run = await app.GatheredRun(FiscalYear);
        using var preparer = app.ClientFor(Roles.FinancePreparer);
        (await preparer.PostAsync($"/funding/runs/{run.Id}/submit", null, Ct)).EnsureSuccessStatusCode();
        return (run, agreements);
    }
}

/// <summary>Applies run batches two entries at a time, so a small batch crosses chunks.</summary>
public sealed class ChunkedBatchFundingApp : FundingApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Funding:BatchChunkSize"] = "2" };
}
