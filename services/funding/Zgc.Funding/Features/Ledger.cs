using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Funding.Features;

public sealed record LedgerLine(long Sequence, Guid Id, string Kind, string? ReversedKind, Guid? ReversesEntryId, long AmountFen, int FiscalYear,
    Guid ApplicationId, Guid AgreementId, int? ConstructionYear, string PlatformName, string Reference, string RecordedBy, DateTimeOffset RecordedAt,
    LedgerTotalsView RunningTotals);

public sealed record LedgerTotalsView(long AwardedFen, long PaidFen, long ClawedBackFen, long RecoveredFen, long OutstandingFen, long NetDisbursedFen)
{
    public static LedgerTotalsView From(LedgerTotals t) =>
        new(t.Awarded.Fen, t.Paid.Fen, t.ClawedBack.Fen, t.Recovered.Fen, t.Outstanding.Fen, t.NetDisbursed.Fen);
}

public sealed record LedgerPage(LedgerTotalsView Totals, List<LedgerLine> Entries);

/// <summary>
/// The append-only ledger (award, payment, clawback, recovery, reversal), read for one platform or one fiscal year
/// (or everything), each entry with the running totals of the selection up to it.
/// </summary>
internal static class Ledger
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/ledger", Read).RequireRoles(Roles.FinancePreparer, Roles.FinanceApprover, Roles.CommitteeOfficer, Roles.MonitoringOfficer, Roles.Admin)
            .WithName("ReadLedger");

    private static async Task<Ok<LedgerPage>> Read(Guid? applicationId, int? fiscalYear, FundingDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Ledger.AsNoTracking();
        if (applicationId is { } application)
        {
            query = query.Where(e => e.ApplicationId == application);
        }

        if (fiscalYear is { } year)
        {
            query = query.Where(e => e.FiscalYear == year);
        }

        var entries = await query.OrderBy(e => e.Sequence).Take(10_000).ToListAsync(cancellationToken);
        var lines = new List<LedgerLine>(entries.Count);
        var totals = LedgerTotals.Of([]);
        foreach (var e in entries)
        {
            totals = new LedgerTotals(totals.Awarded + e.EffectOn(LedgerKind.Award), totals.Paid + e.EffectOn(LedgerKind.Payment),
                totals.ClawedBack + e.EffectOn(LedgerKind.Clawback), totals.Recovered + e.EffectOn(LedgerKind.Recovery));
            lines.Add(new LedgerLine(e.Sequence, e.Id, e.Kind.ToString(), e.ReversedKind?.ToString(), e.ReversesEntryId, e.Amount.Fen, e.FiscalYear,
                e.ApplicationId, e.AgreementId, e.ConstructionYear, e.PlatformName, e.Reference, e.RecordedBy, e.RecordedAt, LedgerTotalsView.From(totals)));
        }

        return TypedResults.Ok(new LedgerPage(LedgerTotalsView.From(totals), lines));
    }
}
