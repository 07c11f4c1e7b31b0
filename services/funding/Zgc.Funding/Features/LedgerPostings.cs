using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

/// <summary>The ledger entries each funding step appends (the caller saves them with its state change).</summary>
internal static class LedgerPostings
{
    /// <summary>Fiscal years follow the calendar year in Beijing.</summary>
    public static int FiscalYearOf(DateTimeOffset instant) => BeijingTime.DateOf(instant).Year;

    public static string YearReference(FundingYear year) => $"funding-year:{year.Id}";

    /// <summary>An award (or a changed award: the earlier award entry is reversed, then the new one appended).</summary>
    public static async Task Award(FundingDbContext db, Agreement agreement, FundingYear year, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ReverseAwards(db, year, "award changed / 支持金额变更", by, now, cancellationToken);
        db.Ledger.Add(LedgerEntry.For(LedgerKind.Award, agreement, year.Award ?? Money.Zero, FiscalYearOf(now), year.ConstructionYear, YearReference(year), by, now));
    }

    /// <summary>Reverses the award entries of a year that are not reversed yet (award changed, or the year cancelled).</summary>
    public static async Task ReverseAwards(FundingDbContext db, FundingYear year, string reason, string by, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var reference = YearReference(year);
        var awards = await db.AwardEntries(year.ApplicationId, reference, cancellationToken);
        if (awards.Count == 0)
        {
            return; // a first award: nothing to reverse, and no query for reversals of nothing
        }

        var awardIds = awards.Select(a => (Guid?)a.Id).ToList();
        var reversed = await db.Ledger.Where(e => e.ReversesEntryId != null && awardIds.Contains(e.ReversesEntryId)).Select(e => e.ReversesEntryId)
            .ToListAsync(cancellationToken);
        foreach (var award in awards.Where(a => !reversed.Contains(a.Id)))
        {
            db.Ledger.Add(award.Reverse(reason, by, now));
        }
    }
}
