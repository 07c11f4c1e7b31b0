using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

public sealed record LineDecision(Guid LineId, bool Approve, string? Note);

public sealed record LineDecisionsRequest(List<LineDecision?>? Decisions);

public sealed record LinePayment(Guid LineId, DateOnly? PaidOn, string? BankReference);

public sealed record LinePaymentsRequest(List<LinePayment?>? Payments);

/// <summary>What a batch changed: the run as it now stands (without its lines) and the lines of the batch, in its order.</summary>
public sealed record RunBatchView(RunView Run, List<LineView> Lines);

/// <summary>
/// A run's decisions and payments many lines at a time: the approver's "approve the selected lines" and finance's entry of a
/// bank statement, one request and one transaction each instead of one per line (a run for a large programme has thousands
/// of lines). Each entry obeys exactly the rules of the one-line endpoints; a batch is all or nothing, and a refusal names
/// the entry (<c>decisions[3].lineId</c>) so nothing already stored is touched and the caller knows what to fix.
/// </summary>
internal static class DisbursementRunBatches
{
    /// <summary>Entries per request: a page of a large run, small enough for one transaction and the 1 MiB body limit.</summary>
    public const int MaxEntries = 1000;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/runs/{id:guid}/decisions", Decide).RequireRoles(Roles.FinanceApprover).WithName("DecideRunLines");
        group.MapPost("/runs/{id:guid}/payments", Pay).RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover).WithName("RecordPayments");
    }

    private static async Task<Results<Ok<RunBatchView>, NotFound>> Decide(Guid id, LineDecisionsRequest request, ClaimsPrincipal user, FundingDbContext db,
        IOptions<FundingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var decisions = Entries(request.Decisions, "decisions", d => d.LineId);
        var now = clock.GetUtcNow();
        var approver = user.UserId();
        return await InChunks(db, id, decisions, d => d.LineId, options.Value.BatchChunkSize, async (run, chunk, offset) =>
        {
            var lines = new List<DisbursementLine>(chunk.Count);
            for (var i = 0; i < chunk.Count; i++)
            {
                var decision = chunk[i];
                lines.Add(Entry("decisions", offset + i, () =>
                {
                    DisbursementRuns.CheckNote(decision.Note);
                    return run.Decide(decision.LineId, decision.Approve, approver, decision.Note, now);
                }));
            }

            await DisbursementRuns.ReleaseYears(db, lines.Where(l => l.Status == LineStatus.Rejected).Select(l => l.FundingYearId), cancellationToken);
            return lines;
        }, cancellationToken);
    }

    private static async Task<Results<Ok<RunBatchView>, NotFound>> Pay(Guid id, LinePaymentsRequest request, ClaimsPrincipal user, FundingDbContext db,
        IOutbox<FundingDbContext> outbox, IOptions<FundingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var payments = Entries(request.Payments, "payments", p => p.LineId);
        var now = clock.GetUtcNow();
        var by = user.UserId();
        return await InChunks(db, id, payments, p => p.LineId, options.Value.BatchChunkSize, async (run, chunk, offset) =>
        {
            // The chunk's agreements and platform-years in one query each, not one per line.
            var agreementIds = run.Lines.Select(l => l.AgreementId).Distinct().ToList();
            var yearIds = run.Lines.Select(l => l.FundingYearId).ToList();
            var agreements = await db.Agreements.Where(a => agreementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
            var years = await db.FundingYears.Where(y => yearIds.Contains(y.Id)).ToDictionaryAsync(y => y.Id, cancellationToken);

            var paid = new List<DisbursementLine>(chunk.Count);
            for (var i = 0; i < chunk.Count; i++)
            {
                var payment = chunk[i];
                paid.Add(await EntryAsync("payments", offset + i, () =>
                {
                    var paidOn = DisbursementRuns.PaymentDate(payment.PaidOn, now);
                    var line = run.Line(payment.LineId);
                    return DisbursementRuns.RecordPayment(db, outbox, run, agreements[line.AgreementId], years[line.FundingYearId], payment.LineId, paidOn,
                        payment.BankReference, by, now, cancellationToken);
                }));
            }

            return paid;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies a batch <paramref name="chunkSize"/> entries at a time (<see cref="FundingOptions.BatchChunkSize"/>) inside one
    /// transaction: each chunk loads the run with its own lines, is saved, and leaves the change tracker empty for the next.
    /// The batch is still all or nothing (a refused entry rolls every chunk back), but what the request holds in memory is
    /// one chunk's entities, not a thousand lines with their agreements, platform-years, payments, ledger entries and
    /// messages: with the whole batch at once a run's payments took the funding service to 370 MB in a 1,024-platform walk
    /// (docs/performance.md, fix 56).
    /// </summary>
    private static async Task<Results<Ok<RunBatchView>, NotFound>> InChunks<T>(FundingDbContext db, Guid id, List<T> entries, Func<T, Guid> lineOf,
        int chunkSize, Func<DisbursementRun, List<T>, int, Task<List<DisbursementLine>>> apply, CancellationToken cancellationToken)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            DisbursementRun? run = null;
            var changed = new List<LineView>(entries.Count);
            for (var offset = 0; offset < entries.Count; offset += chunkSize)
            {
                var chunk = entries.GetRange(offset, Math.Min(chunkSize, entries.Count - offset));
                db.ChangeTracker.Clear();
                run = await LoadWithLines(db, id, chunk.Select(lineOf), cancellationToken);
                if (run is null)
                {
                    return (Results<Ok<RunBatchView>, NotFound>)TypedResults.NotFound();
                }

                changed.AddRange((await apply(run, chunk, offset)).Select(LineView.From));
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(new RunBatchView(RunView.From(run!, withLines: false), changed));
        });
    }

    /// <summary>The request's entries: at least one, at most <see cref="MaxEntries"/>, none empty, each line at most once.</summary>
    private static List<T> Entries<T>(List<T?>? entries, string list, Func<T, Guid> lineOf)
        where T : class
    {
        if (entries is null || entries.Count == 0)
        {
            throw new RuleViolationException(list, "batch-size", $"Give at least one entry in {list}.", $"{list}至少包含一项。");
        }

        if (entries.Count > MaxEntries)
        {
            throw new RuleViolationException(list, "batch-size", $"At most {MaxEntries} entries per request; {entries.Count} were given. Send the rest in further requests.",
                $"每次最多{MaxEntries}项，本次{entries.Count}项；其余请分批提交。");
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                throw new RuleViolationException($"{list}[{i}]", "batch-entry", $"{list}[{i}]: an entry is an object naming its lineId, not null.",
                    $"{list}[{i}]：每项须为包含lineId的对象，不能为空。");
            }

            if (!seen.Add(lineOf(entry)))
            {
                throw new RuleViolationException($"{list}[{i}].lineId", "batch-duplicate", $"{list}[{i}]: the line appears earlier in the same request.",
                    $"{list}[{i}]：同一明细在本次请求中重复出现。");
            }
        }

        return [.. entries.OfType<T>()];
    }

    private static T Entry<T>(string list, int index, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RuleViolationException e)
        {
            throw e.ForItem(list, index);
        }
    }

    private static async Task<T> EntryAsync<T>(string list, int index, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RuleViolationException e)
        {
            throw e.ForItem(list, index);
        }
    }

    /// <summary>The run with only the lines the batch names (a line not in the run is simply not loaded, and refused by name).</summary>
    private static Task<DisbursementRun?> LoadWithLines(FundingDbContext db, Guid id, IEnumerable<Guid> lineIds, CancellationToken cancellationToken)
    {
        var ids = lineIds.ToList();
        return db.Runs.Include(r => r.Lines.Where(l => ids.Contains(l.Id))).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }
}
