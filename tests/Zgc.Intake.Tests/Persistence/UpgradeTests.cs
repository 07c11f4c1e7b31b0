using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zgc.Intake.Domain;
using Zgc.Intake.Persistence;

namespace Zgc.Intake.Tests.Persistence;

/// <summary>An application stored by the walking skeleton (before complete applications) still reads back after the upgrade.</summary>
public class UpgradeTests
{
    [Fact]
    public async Task On_SQLite_an_application_stored_before_the_upgrade_reads_back_as_a_submitted_application()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), $"zgc-intake-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteIntakeDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            var id = Guid.NewGuid();
            await using (var db = new SqliteIntakeDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261125220706_FaultedMessages", ct);
                // Stored as SQLite stores every instant here (see ProviderConventions).
                var submittedAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero))!;
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "Applications" ("Id", "UnitUscc", "UnitName", "PlatformName", "IndustryField", "SubPark", "TotalInvestmentFen", "Status", "SubmittedBy", "SubmittedAt") VALUES ({id}, '91110108MA01ABCD1E', '旧单位', '旧平台', 'bio-health', 'haidian', 6000000000, 'Submitted', 'old-user', {submittedAt})""",
                    ct);
                await db.Database.MigrateAsync(ct);
            }

            await using (var db = new SqliteIntakeDbContext(options))
            {
                var application = await db.Applications.SingleAsync(a => a.Id == id, ct);
                Assert.Equal(ApplicationStatus.Submitted, application.Status);
                Assert.Equal("old-user", application.CreatedBy);
                Assert.Equal(application.SubmittedAt, application.CreatedAt);
                Assert.Empty(application.History);
                Assert.Null(application.Draft.PlatformName);
                Assert.Equal("bio-health", application.IndustryField!.Code);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
