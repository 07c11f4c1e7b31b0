using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults.Metrics;

namespace Zgc.Funding.Features;

/// <summary>Meter <c>Zgc.Funding</c>: money actually paid, from the ledger (so a restart never loses or doubles it).</summary>
internal static class FundingMetrics
{
    /// <summary><c>zgc.funding.disbursed{fiscal_year}</c>: fen paid per fiscal year (payments less their reversals).</summary>
    public static IHostApplicationBuilder AddFundingGauges(this IHostApplicationBuilder builder) =>
        builder.AddDatabaseGauge<FundingDbContext>(
            new("Zgc.Funding", "zgc.funding.disbursed", "fen", "Support paid per fiscal year, in fen (CNY 0.01)", "fiscal_year"),
            async (db, ct) =>
            {
                // Payments are few (one per platform and year), so they are summed here rather than through a converted column.
                var payments = await db.Ledger.Where(e => e.Kind == LedgerKind.Payment || e.ReversedKind == LedgerKind.Payment)
                    .Select(e => new { e.FiscalYear, e.Kind, e.Amount }).ToListAsync(ct);
                return payments.GroupBy(p => p.FiscalYear.ToString(CultureInfo.InvariantCulture))
                    .ToDictionary(g => g.Key, g => g.Sum(p => p.Kind == LedgerKind.Payment ? p.Amount.Fen : -p.Amount.Fen));
            });
}
