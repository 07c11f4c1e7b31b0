using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Funding.Features;

public sealed record TotalsRow(string Key, string? Label, long AwardedFen, long PaidFen, long ClawedBackFen, long RecoveredFen, long OutstandingFen,
    long NetDisbursedFen);

public sealed record TotalsReport(string By, List<TotalsRow> Rows, TotalsRow Total);

/// <summary>Totals from the ledger per fiscal year, industry field, sub-park or platform, as JSON or CSV.</summary>
internal static class Reports
{
    private static readonly string[] Groupings = ["fiscalYear", "field", "subPark", "platform"];

    public static void Map(IEndpointRouteBuilder group)
    {
        string[] readers = [Roles.FinancePreparer, Roles.FinanceApprover, Roles.CommitteeOfficer, Roles.MonitoringOfficer, Roles.Admin];
        group.MapGet("/reports/totals", Json).RequireRoles(readers).WithName("FundingTotals");
        group.MapGet("/reports/totals.csv", CsvFile).RequireRoles(readers).WithName("FundingTotalsCsv");
    }

    private static async Task<Ok<TotalsReport>> Json(string? by, FundingDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Build(by, db, cancellationToken));

    private static async Task<FileContentHttpResult> CsvFile(string? by, FundingDbContext db, CancellationToken cancellationToken)
    {
        var report = await Build(by, db, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine($"{report.By},label,awarded_fen,paid_fen,clawed_back_fen,recovered_fen,outstanding_fen,net_disbursed_fen");
        foreach (var row in report.Rows.Append(report.Total))
        {
            csv.AppendLine(string.Join(',', Csv.Cell(row.Key), Csv.Cell(row.Label), Csv.Cell(row.AwardedFen), Csv.Cell(row.PaidFen), Csv.Cell(row.ClawedBackFen),
                Csv.Cell(row.RecoveredFen), Csv.Cell(row.OutstandingFen), Csv.Cell(row.NetDisbursedFen)));
        }

        return TypedResults.File(Csv.Bytes(csv), "text/csv; charset=utf-8", $"funding-totals-by-{report.By}.csv");
    }

    internal static async Task<TotalsReport> Build(string? by, FundingDbContext db, CancellationToken cancellationToken)
    {
        var grouping = by ?? "fiscalYear";
        if (!Groupings.Contains(grouping))
        {
            throw new RuleViolationException("by", "report-grouping", "Group totals by fiscalYear, field, subPark or platform.",
                "汇总维度须为 fiscalYear（财政年度）、field（产业领域）、subPark（分园）或 platform（平台）。");
        }

        var entries = await db.Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        Func<LedgerEntry, (string Key, string? Label)> keyOf = grouping switch
        {
            "fiscalYear" => e => (e.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
            "field" => e => (e.IndustryField, null),
            "subPark" => e => (e.SubPark, null),
            _ => e => (e.ApplicationId.ToString(), e.PlatformName),
        };
        var rows = entries.GroupBy(keyOf).OrderBy(g => g.Key.Key, StringComparer.Ordinal).Select(g => Row(g.Key.Key, g.Key.Label, g)).ToList();
        return new TotalsReport(grouping, rows, Row("TOTAL", null, entries));
    }

    private static TotalsRow Row(string key, string? label, IEnumerable<LedgerEntry> entries)
    {
        var t = LedgerTotals.Of(entries);
        return new(key, label, t.Awarded.Fen, t.Paid.Fen, t.ClawedBack.Fen, t.Recovered.Fen, t.Outstanding.Fen, t.NetDisbursed.Fen);
    }
}
