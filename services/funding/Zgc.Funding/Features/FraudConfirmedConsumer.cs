using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.Monitoring.Contracts;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

/// <summary>
/// R-A15-FRAUD: "依法解除协议、追回已拨付的财政资金". The agreement is terminated, every unpaid platform-year is cancelled
/// (its award reversed in the ledger, its line in an open run refused payment), and a receivable equal to everything
/// paid is raised. A repeated message changes nothing.
/// </summary>
internal sealed class FraudConfirmedConsumer(FundingDbContext db, TimeProvider clock) : IConsumer<FraudConfirmed>
{
    public async Task Consume(ConsumeContext<FraudConfirmed> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.ApplicationId == m.ApplicationId, ct);
        if (agreement is null || await db.Clawbacks.AnyAsync(c => c.AgreementId == agreement.Id, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        const string by = "fraud-confirmed";
        // Another service's text: kept within our columns rather than faulting the message.
        var reason = Clip(m.Reason, Agreement.MaxNoteLength);
        var decision = Clip(m.DecisionReference, 200);
        agreement.Terminate(reason, now);
        foreach (var year in await db.FundingYears.Where(y => y.AgreementId == agreement.Id).ToListAsync(ct))
        {
            if (year.Cancel())
            {
                await LedgerPostings.ReverseAwards(db, year, "agreement terminated for fraud / 弄虚作假解除协议", by, now, ct);
            }
        }

        var paid = await db.Payments.Where(p => p.AgreementId == agreement.Id).Select(p => p.Amount).ToListAsync(ct);
        var receivable = paid.Aggregate(Money.Zero, (sum, a) => sum + a);
        var clawback = Clawback.Raise(agreement, receivable, reason, decision, now);
        db.Clawbacks.Add(clawback);
        db.Ledger.Add(LedgerEntry.For(LedgerKind.Clawback, agreement, receivable, LedgerPostings.FiscalYearOf(now), null, $"clawback:{clawback.Id}", by, now));
        await context.Publish(new ClawbackRaised(agreement.ApplicationId, agreement.Id, receivable.Fen, reason, now), ct);
        if (clawback.Status == ClawbackStatus.Settled)
        {
            await context.Publish(new ClawbackSettled(agreement.ApplicationId, agreement.Id, 0, now), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string? text, int length) => text is null ? "" : text.Length <= length ? text : text[..length];
}
