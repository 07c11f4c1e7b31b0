using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

public sealed record RecoveryRequest(long AmountFen, DateOnly? ReceivedOn, string? Reference);

public sealed record ReversalRequest(string? Reason);

/// <summary>R-A15-FRAUD: clawbacks raised on confirmed fraud; finance records recoveries until the receivable is settled.</summary>
internal static class Clawbacks
{
    private static readonly string[] Readers = [Roles.FinancePreparer, Roles.FinanceApprover, Roles.CommitteeOfficer, Roles.MonitoringOfficer, Roles.Admin];

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/clawbacks", List).RequireRoles(Readers).WithName("ListClawbacks");
        group.MapGet("/clawbacks/{id:guid}", Get).RequireRoles(Readers).WithName("GetClawback");
        group.MapPost("/clawbacks/{id:guid}/recoveries", Recover).RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover).WithName("RecordRecovery");
        group.MapPost("/clawbacks/{id:guid}/recoveries/{recoveryId:guid}/reversal", ReverseRecovery).RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover)
            .WithName("ReverseRecovery");
    }

    private static async Task<Ok<List<ClawbackView>>> List(FundingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Clawbacks.AsNoTracking().Include(c => c.Recoveries).OrderByDescending(c => c.RaisedAt).Take(500).ToListAsync(cancellationToken))
            .Select(ClawbackView.From).ToList());

    private static async Task<Results<Ok<ClawbackView>, NotFound>> Get(Guid id, FundingDbContext db, CancellationToken cancellationToken)
    {
        var clawback = await db.Clawbacks.AsNoTracking().Include(c => c.Recoveries).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return clawback is null ? TypedResults.NotFound() : TypedResults.Ok(ClawbackView.From(clawback));
    }

    private static async Task<Results<Ok<ClawbackView>, NotFound>> Recover(Guid id, RecoveryRequest request, ClaimsPrincipal user, FundingDbContext db,
        IOutbox<FundingDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var clawback = await db.Clawbacks.Include(c => c.Recoveries).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clawback is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var receivedOn = request.ReceivedOn ?? throw new RuleViolationException("receivedOn", "R-A15-FRAUD", "A recovery needs the date it was received.", "追回须填写到账日期。");
        if (receivedOn > BeijingTime.DateOf(now))
        {
            throw new RuleViolationException("receivedOn", "R-A15-FRAUD", "A recovery cannot be dated in the future.", "到账日期不能晚于今天。");
        }

        var by = user.UserId();
        var amount = Money.FromFen(request.AmountFen);
        var settled = clawback.Recover(amount, receivedOn, request.Reference ?? "", by, now);
        var agreement = await db.Agreements.SingleAsync(a => a.Id == clawback.AgreementId, cancellationToken);
        db.Ledger.Add(LedgerEntry.For(LedgerKind.Recovery, agreement, amount, LedgerPostings.FiscalYearOf(now), null, RecoveryReference(clawback.Recoveries[^1]),
            by, now));
        if (settled)
        {
            await outbox.Publish(new ClawbackSettled(clawback.ApplicationId, clawback.AgreementId, clawback.Recovered.Fen, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ClawbackView.From(clawback));
    }

    /// <summary>Corrects a wrongly recorded recovery with a ledger reversal (a second person; only while the clawback is open).</summary>
    private static async Task<Results<Ok<ClawbackView>, NotFound>> ReverseRecovery(Guid id, Guid recoveryId, ReversalRequest request, ClaimsPrincipal user,
        FundingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var clawback = await db.Clawbacks.Include(c => c.Recoveries).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var recovery = clawback?.Recoveries.SingleOrDefault(r => r.Id == recoveryId);
        if (clawback is null || recovery is null)
        {
            return TypedResults.NotFound();
        }

        var reference = RecoveryReference(recovery);
        var entry = await db.Ledger.SingleAsync(e => e.Kind == LedgerKind.Recovery && e.Reference == reference, cancellationToken);
        if (await db.Ledger.AnyAsync(e => e.ReversesEntryId == entry.Id, cancellationToken))
        {
            throw new RuleViolationException("recoveryId", "ledger-reversal", "This recovery has already been reversed.", "该笔追回记录已冲销。",
                RuleViolationException.ConflictStatus);
        }

        var now = clock.GetUtcNow();
        var by = user.UserId();
        clawback.ReverseRecovery(recoveryId, by);
        // The unique index on ReversesEntryId stops a second, concurrent reversal of the same entry.
        db.Ledger.Add(entry.Reverse(request.Reason ?? "", by, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ClawbackView.From(clawback));
    }

    private static string RecoveryReference(Recovery recovery) => $"recovery:{recovery.Id} bank:{recovery.Reference}";
}
