using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Domain.Forecast;
using Zgc.Funding.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features.Forecast;

/// <summary>
/// Reads what a forecast needs, untracked: the agreements with their years, the budgets and payments of the horizon, and
/// the fiscal years of runs holding a year. Nothing read here is ever saved (the what-if works on these copies).
/// </summary>
internal static class ForecastSnapshot
{
    public sealed record Snapshot(ForecastInput Input, EvaluationHistory History);

    public static async Task<Snapshot> Load(FundingDbContext db, DateOnly from, CancellationToken cancellationToken)
    {
        var first = from.Year;
        var last = from.Year + ForecastInput.Horizon - 1;
        var agreements = await db.Agreements.AsNoTracking().ToListAsync(cancellationToken);
        var years = await db.FundingYears.AsNoTracking().ToListAsync(cancellationToken);
        var byAgreement = years.ToLookup(y => y.AgreementId);
        var platforms = agreements.Select(a => new PlatformRecord(a, [.. byAgreement[a.Id]])).ToList();
        var budgets = (await db.Budgets.AsNoTracking().Where(b => b.FiscalYear >= first && b.FiscalYear <= last).ToListAsync(cancellationToken))
            .ToDictionary(b => b.FiscalYear, b => b.Amount);
        // Payments are never reversed (money back is a recovery), so the paid total of a year is the sum of its payment entries.
        var payments = await db.Ledger.AsNoTracking().Where(e => e.Kind == LedgerKind.Payment && e.FiscalYear >= first && e.FiscalYear <= last)
            .Select(e => new { e.FiscalYear, e.Amount }).ToListAsync(cancellationToken);
        var paid = payments.GroupBy(p => p.FiscalYear).ToDictionary(g => g.Key, g => g.Aggregate(Money.Zero, (s, p) => s + p.Amount));
        var runIds = years.Where(y => y.Status == FundingYearStatus.InRun && y.RunId is not null).Select(y => y.RunId!.Value).Distinct().ToList();
        var runs = await db.Runs.AsNoTracking().Where(r => runIds.Contains(r.Id)).Select(r => new { r.Id, r.FiscalYear }).ToListAsync(cancellationToken);
        var input = new ForecastInput(from, platforms, budgets, paid, runs.ToDictionary(r => r.Id, r => r.FiscalYear));
        return new Snapshot(input, EvaluationHistory.Of(years));
    }
}
