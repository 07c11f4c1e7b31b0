using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zgc.Funding.Domain;
using Zgc.Funding.Features;
using Zgc.Funding.Persistence;

namespace Zgc.Funding.Tests.Persistence;

/// <summary>A disbursement run stored before the run kept its line counts and totals gets them from the upgrade and is decided and paid by them.</summary>
public class UpgradeTests
{
    private const string BeforeCounts = "20261128030107_OutboxLeanerIndexes";

    [Fact, Trait("Req", "S-OPS")]
    public async Task On_SQLite_a_run_stored_before_the_counts_gets_them_and_its_totals_from_its_lines_and_is_approved_by_its_last_decision()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"zgc-funding-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteFundingDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            var runId = Guid.NewGuid();
            var proposed = new[] { Guid.NewGuid(), Guid.NewGuid() };
            await using (var db = new SqliteFundingDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync(BeforeCounts, ct);
                var startedAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero))!;
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "DisbursementRuns" ("Id", "FiscalYear", "Status", "PreparedBy", "StartedAt", "TotalCount", "GatheredCount", "Version") VALUES ({runId}, 2027, 'Submitted', 'preparer-1', {startedAt}, 5, 5, 4)""",
                    ct);
                // Amounts of 1, 2, 4, 8 and 16 yuan, so each total says which lines it summed.
                foreach (var (id, status, fen) in new[]
                         {
                             (proposed[0], "Proposed", 100L), (proposed[1], "Proposed", 200L), (Guid.NewGuid(), "Approved", 400L),
                             (Guid.NewGuid(), "Rejected", 800L), (Guid.NewGuid(), "Approved", 1600L),
                         })
                {
                    await db.Database.ExecuteSqlAsync(
                        $"""INSERT INTO "DisbursementLines" ("Id", "RunId", "FundingYearId", "AgreementId", "ApplicationId", "PlatformName", "UnitName", "UnitUscc", "IndustryField", "SubPark", "ConstructionYear", "AmountFen", "CapFen", "Status") VALUES ({id}, {runId}, {Guid.NewGuid()}, {Guid.NewGuid()}, {Guid.NewGuid()}, '旧平台', '旧单位', '91110108MA01ABCD1E', 'bio-health', 'haidian', 1, {fen}, {fen}, {status})""",
                        ct);
                }

                await db.Database.MigrateAsync(ct);
            }

            await using (var db = new SqliteFundingDbContext(options))
            {
                var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
                Assert.Equal((5, 2, 2), (run.LineCount, run.UndecidedCount, run.UnpaidCount));
                Assert.Equal((3100L, 2000L, 0L), (run.Total.Fen, run.ApprovedTotal.Fen, run.PaidTotal.Fen));
            }

            // Each decision reads the run with its one line; the counts carry the rest of the run.
            var now = new DateTimeOffset(2027, 3, 2, 8, 0, 0, TimeSpan.Zero);
            foreach (var (lineId, approve) in new[] { (proposed[0], false), (proposed[1], true) })
            {
                await using var db = new SqliteFundingDbContext(options);
                var run = await DisbursementRuns.LoadWithLine(db, runId, lineId, ct);
                Assert.Equal([lineId], run!.Lines.Select(l => l.Id));
                run.Decide(lineId, approve, "approver-1", null, now);
                await db.SaveChangesAsync(ct);
            }

            await using (var db = new SqliteFundingDbContext(options))
            {
                var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
                Assert.Equal(RunStatus.Approved, run.Status);
                Assert.Equal((5, 0, 3), (run.LineCount, run.UndecidedCount, run.UnpaidCount));
                Assert.Equal((3100L, 2200L, 0L), (run.Total.Fen, run.ApprovedTotal.Fen, run.PaidTotal.Fen));
            }

            await using (var db = new SqliteFundingDbContext(options))
            {
                var run = await DisbursementRuns.LoadWithLine(db, runId, proposed[1], ct);
                run!.RecordPayment(proposed[1], new DateOnly(2027, 3, 3), "BOC-1", "preparer-1", now);
                await db.SaveChangesAsync(ct);
            }

            await using (var db = new SqliteFundingDbContext(options))
            {
                var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
                Assert.Equal((2, 200L), (run.UnpaidCount, run.PaidTotal.Fen));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
