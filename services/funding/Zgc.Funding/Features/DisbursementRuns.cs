using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

public sealed record StartRunRequest(int FiscalYear);

public sealed record LineDecisionRequest(bool Approve, string? Note);

public sealed record PaymentRequest(DateOnly? PaidOn, string? BankReference);

/// <summary>
/// Annual disbursement runs (S-OPS) with maker-checker: a finance preparer starts and submits, a different finance
/// approver (compared by the token's <c>sub</c>) decides each line, the approved lines are exported as a payment
/// instruction and finance records each payment, which publishes <see cref="DisbursementPaid"/>.
/// </summary>
internal static class DisbursementRuns
{
    private static readonly string[] Readers = [Roles.FinancePreparer, Roles.FinanceApprover, Roles.CommitteeOfficer, Roles.Admin];

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/runs", List).RequireRoles(Readers).WithName("ListRuns");
        group.MapGet("/runs/{id:guid}", Get).RequireRoles(Readers).WithName("GetRun");
        group.MapPost("/runs", Start).RequireRoles(Roles.FinancePreparer).WithName("StartRun");
        group.MapPost("/runs/{id:guid}/submit", Submit).RequireRoles(Roles.FinancePreparer).WithName("SubmitRun");
        group.MapPost("/runs/{id:guid}/cancel", Cancel).RequireRoles(Roles.FinancePreparer).WithName("CancelRun");
        group.MapPost("/runs/{id:guid}/lines/{lineId:guid}/decision", Decide).RequireRoles(Roles.FinanceApprover).WithName("DecideRunLine");
        group.MapGet("/runs/{id:guid}/payment-instruction.csv", Export).RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover).WithName("ExportRun");
        group.MapPost("/runs/{id:guid}/lines/{lineId:guid}/payment", Pay).RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover).WithName("RecordPayment");
    }

    private static async Task<Ok<List<RunView>>> List(int? fiscalYear, FundingDbContext db, CancellationToken cancellationToken)
    {
        // Without their lines: the list shows each run's counts and totals, which the run keeps.
        var query = db.Runs.AsNoTracking().AsQueryable();
        if (fiscalYear is { } year)
        {
            query = query.Where(r => r.FiscalYear == year);
        }

        var runs = await query.OrderByDescending(r => r.StartedAt).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(runs.Select(r => RunView.From(r, withLines: false)).ToList());
    }

    /// <summary>
    /// The run with its lines, or with <c>lines=false</c> without them: its status, progress, counts and totals, which the
    /// run keeps — what a page or a client polling a large run while it gathers needs, at the same cost for any size.
    /// </summary>
    private static async Task<Results<Ok<RunView>, NotFound>> Get(Guid id, bool? lines, FundingDbContext db, CancellationToken cancellationToken)
    {
        var withLines = lines ?? true;
        var run = withLines
            ? await Read(db, id, cancellationToken)
            : await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? TypedResults.NotFound() : TypedResults.Ok(RunView.From(run, withLines));
    }

    /// <summary>Starts a run; gathering happens in the background (202 with the run, then poll it for progress).</summary>
    private static async Task<Accepted<RunView>> Start(StartRunRequest request, ClaimsPrincipal user, FundingDbContext db, RunGatheringQueue queue,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = DisbursementRun.Start(request.FiscalYear, user.UserId(), clock.GetUtcNow());
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(run.Id);
        return TypedResults.Accepted($"/funding/runs/{run.Id}", RunView.From(run));
    }

    /// <summary>
    /// Submits for approval when the run fits in what is left of the fiscal year's budget; otherwise 409 with the shortfall.
    /// The run keeps its count and total, so only the run itself is loaded for the change; its lines are read for the answer.
    /// </summary>
    private static async Task<Results<Ok<RunView>, NotFound, ProblemHttpResult>> Submit(Guid id, ClaimsPrincipal user, FundingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        var budget = await db.Budgets.SingleOrDefaultAsync(b => b.FiscalYear == run.FiscalYear, cancellationToken);
        var committed = await CommittedElsewhere(db, run, cancellationToken);
        var budgetAmount = budget?.Amount ?? Money.Zero;
        var shortfall = run.BudgetShortfall(budgetAmount, committed);
        if (shortfall.Fen > 0)
        {
            var left = budgetAmount - committed;
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The run exceeds what is left of the fiscal year's budget.",
                detail: $"The run totals {run.Total}, but only {left} of the {run.FiscalYear} budget ({budgetAmount}) is left: short by {shortfall}.",
                type: RuleProblem.TypeBase + "budget-exceeded",
                extensions: new Dictionary<string, object?>
                {
                    ["rule"] = "budget-exceeded",
                    ["field"] = "fiscalYear",
                    ["detailZh"] = $"本批次合计{run.Total}，{run.FiscalYear}年度预算{budgetAmount}仅余{left}，缺口{shortfall}。",
                    ["budgetFen"] = budgetAmount.Fen,
                    ["committedFen"] = committed.Fen,
                    ["leftFen"] = left.Fen,
                    ["runTotalFen"] = run.Total.Fen,
                    ["shortfallFen"] = shortfall.Fen,
                });
        }

        run.Submit(user.UserId(), clock.GetUtcNow());
        budget?.Commit();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RunView.From(run, withLines: false) with { Lines = await LineViews(db, id, cancellationToken) });
    }

    private static async Task<Results<Ok<RunView>, NotFound>> Cancel(Guid id, FundingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = await Load(db, id, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        run.Cancel(clock.GetUtcNow());
        await ReleaseYears(db, run.Lines.Where(l => l.Status != LineStatus.Paid).Select(l => l.FundingYearId), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RunView.From(run));
    }

    private static async Task<Results<Ok<LineView>, NotFound>> Decide(Guid id, Guid lineId, LineDecisionRequest request, ClaimsPrincipal user,
        FundingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = await LoadWithLine(db, id, lineId, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        CheckNote(request.Note);

        var line = run.Decide(lineId, request.Approve, user.UserId(), request.Note, clock.GetUtcNow());
        if (line.Status == LineStatus.Rejected)
        {
            await ReleaseYears(db, [line.FundingYearId], cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LineView.From(line));
    }

    /// <summary>The payment instruction: one row per approved (or paid) line, then the totals; UTF-8 with BOM for spreadsheet tools.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> Export(Guid id, FundingDbContext db, CancellationToken cancellationToken)
    {
        var run = await Read(db, id, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        if (run.Status is not (RunStatus.Approved or RunStatus.Completed))
        {
            throw new RuleViolationException(null, "run-status", $"Only an approved run is exported; this one is {run.Status}.", "仅审批完成的批次可导出付款指令。",
                RuleViolationException.ConflictStatus);
        }

        var lines = run.Lines.Where(l => l.Status is LineStatus.Approved or LineStatus.Paid).OrderBy(l => l.PlatformName).ThenBy(l => l.ConstructionYear).ToList();
        var csv = new StringBuilder();
        csv.AppendLine("run_id,fiscal_year,line_id,application_id,platform,unit,uscc,construction_year,amount_fen,amount_yuan,approved_by,status,paid_on,bank_reference");
        foreach (var l in lines)
        {
            csv.AppendLine(string.Join(',', Csv.Cell(run.Id), Csv.Cell(run.FiscalYear), Csv.Cell(l.Id), Csv.Cell(l.ApplicationId), Csv.Cell(l.PlatformName),
                Csv.Cell(l.UnitName), Csv.Cell(l.UnitUscc), Csv.Cell(l.ConstructionYear), Csv.Cell(l.Amount.Fen), Csv.Yuan(l.Amount), Csv.Cell(l.DecidedBy),
                Csv.Cell(l.Status), Csv.Cell(l.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Csv.Cell(l.BankReference)));
        }

        var total = lines.Aggregate(Money.Zero, (s, l) => s + l.Amount);
        csv.AppendLine(string.Join(',', "TOTAL", Csv.Cell(run.FiscalYear), "", "", "", "", "", Csv.Cell(lines.Count), Csv.Cell(total.Fen), Csv.Yuan(total), "", "",
            "", ""));
        return TypedResults.File(Csv.Bytes(csv), "text/csv; charset=utf-8", $"payment-instruction-{run.FiscalYear}-{run.Id:N}.csv");
    }

    /// <summary>
    /// Records the payment of an approved line. Never twice: the line and the platform-year refuse it (409), and if two
    /// requests race, the unique payment row per platform-year lets exactly one commit (the other answers 409).
    /// </summary>
    private static async Task<Results<Ok<LineView>, NotFound>> Pay(Guid id, Guid lineId, PaymentRequest request, ClaimsPrincipal user, FundingDbContext db,
        IOutbox<FundingDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var run = await LoadWithLine(db, id, lineId, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var paidOn = PaymentDate(request.PaidOn, now);
        var lineToPay = run.Line(lineId);
        var agreement = await db.Agreements.SingleAsync(a => a.Id == lineToPay.AgreementId, cancellationToken);
        var year = await db.FundingYears.SingleAsync(y => y.Id == lineToPay.FundingYearId, cancellationToken);
        var line = await RecordPayment(db, outbox, run, agreement, year, lineId, paidOn, request.BankReference, user.UserId(), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LineView.From(line));
    }

    /// <summary>A payment's date: required, and not after today in Beijing.</summary>
    internal static DateOnly PaymentDate(DateOnly? paidOn, DateTimeOffset now)
    {
        var date = paidOn ?? throw new RuleViolationException("paidOn", "payment-date", "A payment needs its date.", "付款须填写付款日期。");
        if (date > BeijingTime.DateOf(now))
        {
            throw new RuleViolationException("paidOn", "payment-date", "A payment cannot be dated in the future.", "付款日期不能晚于今天。");
        }

        return date;
    }

    /// <summary>
    /// Records the payment of one approved line in the caller's unit of work: the line and its platform-year are marked
    /// paid, the payment row and the ledger entry are added and <see cref="DisbursementPaid"/> goes to the outbox. Refused
    /// under an agreement no longer in force.
    /// </summary>
    internal static async Task<DisbursementLine> RecordPayment(FundingDbContext db, IOutbox<FundingDbContext> outbox, DisbursementRun run, Agreement agreement,
        FundingYear year, Guid lineId, DateOnly paidOn, string? bankReference, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (agreement.Status != AgreementStatus.InForce)
        {
            throw new RuleViolationException(null, "agreement-status", $"Nothing is paid under an agreement that is {agreement.Status}.", "协议已解除，不得拨付。",
                RuleViolationException.ConflictStatus);
        }

        var line = run.RecordPayment(lineId, paidOn, bankReference ?? "", by, now);
        year.MarkPaid();
        db.Payments.Add(new Payment(Guid.CreateVersion7(), year.Id, line.Id, run.Id, line.AgreementId, line.ConstructionYear, line.Amount, paidOn,
            line.BankReference!, by, now)); // RecordPayment has just set the reference.
        db.Ledger.Add(LedgerEntry.For(LedgerKind.Payment, agreement, line.Amount, run.FiscalYear, line.ConstructionYear, $"line:{line.Id} bank:{line.BankReference}",
            by, now));
        await outbox.Publish(new DisbursementPaid(line.ApplicationId, line.AgreementId, run.Id, run.FiscalYear, line.ConstructionYear, line.Amount.Fen, paidOn,
            line.BankReference!, by, now), cancellationToken);
        return line;
    }

    /// <summary>A decision's note: at most 2000 characters.</summary>
    internal static void CheckNote(string? note)
    {
        if (note is { Length: > 2000 })
        {
            throw new RuleViolationException("note", "line-decision", "A note is at most 2000 characters.", "审批意见不超过2000个字符。");
        }
    }

    /// <summary>What other live runs of the same fiscal year already hold: lines not rejected in runs submitted or later.</summary>
    private static async Task<Money> CommittedElsewhere(FundingDbContext db, DisbursementRun run, CancellationToken cancellationToken)
    {
        var live = new[] { RunStatus.Submitted, RunStatus.Approved, RunStatus.Completed };
        var amounts = await db.RunLines.AsNoTracking()
            .Where(l => l.RunId != run.Id && l.Status != LineStatus.Rejected &&
                db.Runs.Any(r => r.Id == l.RunId && r.FiscalYear == run.FiscalYear && live.Contains(r.Status)))
            .Select(l => l.Amount).ToListAsync(cancellationToken);
        return amounts.Aggregate(Money.Zero, (s, a) => s + a);
    }

    internal static async Task ReleaseYears(FundingDbContext db, IEnumerable<Guid> yearIds, CancellationToken cancellationToken)
    {
        var ids = yearIds.ToList();
        foreach (var year in await db.FundingYears.Where(y => ids.Contains(y.Id)).ToListAsync(cancellationToken))
        {
            year.Release();
        }
    }

    private static Task<DisbursementRun?> Load(FundingDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Runs.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>
    /// The run with every line, to show or export, not to change: untracked, so a run of thousands of lines costs its rows
    /// and not also the change tracker's snapshot of each (docs/performance.md, fix 56).
    /// </summary>
    private static Task<DisbursementRun?> Read(FundingDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>A run's lines as the run shows them, read untracked.</summary>
    private static async Task<List<LineView>> LineViews(FundingDbContext db, Guid id, CancellationToken cancellationToken) =>
        RunView.Shown(await db.RunLines.AsNoTracking().Where(l => l.RunId == id).ToListAsync(cancellationToken));

    /// <summary>
    /// The run with only the one line a decision or payment is about (none when the line is not the run's): the run counts
    /// its undecided and unpaid lines, so the cost of each of a run's decisions and payments does not grow with the run.
    /// </summary>
    internal static Task<DisbursementRun?> LoadWithLine(FundingDbContext db, Guid id, Guid lineId, CancellationToken cancellationToken) =>
        db.Runs.Include(r => r.Lines.Where(l => l.Id == lineId)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
