using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zgc.Funding.Domain;
using Zgc.Messaging;
using Zgc.SharedKernel;

namespace Zgc.Funding.Persistence;

public abstract class FundingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<AnnualBudget> Budgets => Set<AnnualBudget>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<AgreementRevision> AgreementRevisions => Set<AgreementRevision>();

    public DbSet<AgreementSignature> AgreementSignatures => Set<AgreementSignature>();

    public DbSet<FundingYear> FundingYears => Set<FundingYear>();

    public DbSet<DisbursementRun> Runs => Set<DisbursementRun>();

    public DbSet<DisbursementLine> RunLines => Set<DisbursementLine>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<Clawback> Clawbacks => Set<Clawback>();

    public DbSet<Recovery> Recoveries => Set<Recovery>();

    /// <summary>The ledger, payments, revisions, signatures and recoveries are history: appended, never changed.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = GuardHistory();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = GuardHistory();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Throws if a history row is modified or deleted. Changes are detected here once and SaveChanges is told not to detect
    /// them again (the caller's setting is returned, to be restored after the save): the guard's look at the entries would
    /// otherwise scan every tracked entity a second time on every save.
    /// </summary>
    private bool GuardHistory()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is LedgerEntry or Payment or AgreementRevision or AgreementSignature or Recovery &&
                entry.State is EntityState.Modified or EntityState.Deleted)
            {
                ChangeTracker.AutoDetectChangesEnabled = detect;
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are append-only; correct them with a new entry (a reversal).");
            }
        }

        return detect;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AnnualBudget>(e =>
        {
            e.ToTable("AnnualBudgets");
            e.HasKey(x => x.FiscalYear);
            e.Property(x => x.FiscalYear).ValueGeneratedNever();
            e.Property(x => x.Amount).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("AmountFen");
            e.Property(x => x.SetBy).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Agreement>(e =>
        {
            e.ToTable("Agreements");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.HasIndex(x => x.UnitUscc);
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.IndustryField).HasMaxLength(50);
            e.Property(x => x.SubPark).HasMaxLength(50);
            e.Property(x => x.MajorDecisionReference).HasMaxLength(200);
            e.Property(x => x.TerminationReason).HasMaxLength(2000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            Fen(e.Property(x => x.TotalInvestment), "TotalInvestmentFen");
            Fen(e.Property(x => x.SupportBase), "SupportBaseFen");
            e.Property(x => x.Year1Award).HasConversion(v => v.GetValueOrDefault().Fen, v => Money.FromFen(v)).HasColumnName("Year1AwardFen");
            e.Property(x => x.Targets).HasConversion(
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                    v => JsonSerializer.Deserialize<AgreementTargets>(v, JsonSerializerOptions.Default) ?? AgreementTargets.None,
                    new ValueComparer<AgreementTargets>((a, b) => a == b, v => v.GetHashCode()))
                .HasColumnName("TargetsJson").HasMaxLength(4000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Year1Cap);
            e.Ignore(x => x.Rules);
            // The policy version's figures, copied when drafted; rows from before versions existed were all 2019's.
            e.Property(x => x.PolicyVersion).HasMaxLength(64).HasDefaultValue(FundingRules.TrialMeasures2019.PolicyVersion);
            e.Property(x => x.SupportRatioPercent).HasDefaultValue(FundingRules.TrialMeasures2019.RatioPercent);
            Fen(e.Property(x => x.StandardAnnualCeiling), "StandardAnnualCeilingFen").HasDefaultValue(FundingRules.TrialMeasures2019.StandardCeiling);
            Fen(e.Property(x => x.EspeciallyMajorAnnualCeiling), "EspeciallyMajorAnnualCeilingFen").HasDefaultValue(FundingRules.TrialMeasures2019.EspeciallyMajorCeiling);
            e.Property(x => x.ConstructionYears).HasDefaultValue(FundingRules.TrialMeasures2019.ConstructionYears);
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.AgreementId);
            e.Navigation(x => x.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasMany(x => x.Signatures).WithOne().HasForeignKey(s => s.AgreementId);
            e.Navigation(x => x.Signatures).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<AgreementRevision>(e =>
        {
            e.ToTable("AgreementRevisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.AgreementId, x.TermsVersion }).IsUnique();
            e.Property(x => x.TermsJson).HasMaxLength(8000);
            e.Property(x => x.ChangedBy).HasMaxLength(128);
            e.Property(x => x.Note).HasMaxLength(2000);
        });
        modelBuilder.Entity<AgreementSignature>(e =>
        {
            e.ToTable("AgreementSignatures");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Party).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.AgreementId, x.TermsVersion, x.Party }).IsUnique();
            e.Property(x => x.SignedBy).HasMaxLength(128);
            e.Property(x => x.SignerName).HasMaxLength(128);
        });
        modelBuilder.Entity<FundingYear>(e =>
        {
            e.ToTable("FundingYears");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.AgreementId, x.ConstructionYear }).IsUnique();
            // A run gathers the due years oldest first, a batch at a time: the index hands each batch over in that order
            // instead of sorting every year still due for each batch (and still serves the lookups by status alone).
            e.HasIndex(x => new { x.Status, x.OpenedAt, x.Id });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CapRule).HasMaxLength(20);
            Fen(e.Property(x => x.CapBase), "CapBaseFen");
            Fen(e.Property(x => x.CapShare), "CapShareFen");
            Fen(e.Property(x => x.CapCeiling), "CapCeilingFen");
            Fen(e.Property(x => x.Cap), "CapFen");
            e.Property(x => x.CapExplanationEn).HasMaxLength(1000);
            e.Property(x => x.CapExplanationZh).HasMaxLength(1000);
            e.Property(x => x.Award).HasConversion(v => v.GetValueOrDefault().Fen, v => Money.FromFen(v)).HasColumnName("AwardFen");
            e.Property(x => x.AwardedBy).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DisbursementRun>(e =>
        {
            e.ToTable("DisbursementRuns");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.FiscalYear, x.Status });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PreparedBy).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            Fen(e.Property(x => x.Total), "TotalFen");
            Fen(e.Property(x => x.ApprovedTotal), "ApprovedTotalFen");
            Fen(e.Property(x => x.PaidTotal), "PaidTotalFen");
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(l => l.RunId);
            e.Navigation(x => x.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<DisbursementLine>(e =>
        {
            e.ToTable("DisbursementLines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.FundingYearId);
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.IndustryField).HasMaxLength(50);
            e.Property(x => x.SubPark).HasMaxLength(50);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            Fen(e.Property(x => x.Amount), "AmountFen");
            Fen(e.Property(x => x.Cap), "CapFen");
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.Property(x => x.BankReference).HasMaxLength(64);
            e.Property(x => x.PaymentRecordedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("Payments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            // The database's own guarantee that no platform-year is ever paid twice, whatever the application does.
            e.HasIndex(x => x.FundingYearId).IsUnique();
            e.HasIndex(x => new { x.AgreementId, x.ConstructionYear }).IsUnique();
            e.HasIndex(x => x.LineId).IsUnique();
            Fen(e.Property(x => x.Amount), "AmountFen");
            e.Property(x => x.BankReference).HasMaxLength(64);
            e.Property(x => x.RecordedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("LedgerEntries");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(x => x.Id).IsUnique();
            e.HasIndex(x => x.ReversesEntryId).IsUnique();
            e.HasIndex(x => new { x.ApplicationId, x.Sequence });
            e.HasIndex(x => new { x.FiscalYear, x.Sequence });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ReversedKind).HasConversion<string>().HasMaxLength(20);
            Fen(e.Property(x => x.Amount), "AmountFen");
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.IndustryField).HasMaxLength(50);
            e.Property(x => x.SubPark).HasMaxLength(50);
            e.Property(x => x.Reference).HasMaxLength(2000);
            e.Property(x => x.RecordedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<Clawback>(e =>
        {
            e.ToTable("Clawbacks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.AgreementId).IsUnique();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            Fen(e.Property(x => x.Receivable), "ReceivableFen");
            Fen(e.Property(x => x.Recovered), "RecoveredFen");
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.DecisionReference).HasMaxLength(200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Outstanding);
            e.HasMany(x => x.Recoveries).WithOne().HasForeignKey(r => r.ClawbackId);
            e.Navigation(x => x.Recoveries).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<Recovery>(e =>
        {
            e.ToTable("Recoveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            Fen(e.Property(x => x.Amount), "AmountFen");
            e.Property(x => x.Reference).HasMaxLength(64);
            e.Property(x => x.RecordedBy).HasMaxLength(128);
        });
    }

    private static PropertyBuilder<Money> Fen(PropertyBuilder<Money> property, string column) =>
        property.HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName(column);
}

public sealed class SqliteFundingDbContext(DbContextOptions<SqliteFundingDbContext> options) : FundingDbContext(options);

public sealed class PostgresFundingDbContext(DbContextOptions<PostgresFundingDbContext> options) : FundingDbContext(options);

public sealed class SqlServerFundingDbContext(DbContextOptions<SqlServerFundingDbContext> options) : FundingDbContext(options);

internal sealed class SqliteFundingDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteFundingDbContext>;

internal sealed class PostgresFundingDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresFundingDbContext>;

internal sealed class SqlServerFundingDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerFundingDbContext>;
