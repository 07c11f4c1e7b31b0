using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zgc.Messaging;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Management;
using Zgc.Monitoring.Domain.Reports;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Persistence;

public abstract class MonitoringDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<ReferenceFigure> ReferenceFigures => Set<ReferenceFigure>();

    public DbSet<MonitoredPlatform> Platforms => Set<MonitoredPlatform>();

    public DbSet<PlatformEvent> History => Set<PlatformEvent>();

    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    public DbSet<RectificationOrder> Rectifications => Set<RectificationOrder>();

    public DbSet<FraudCase> FraudCases => Set<FraudCase>();

    public DbSet<MajorMatter> MajorMatters => Set<MajorMatter>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // Money is stored as its whole number of fen, in columns and inside the JSON documents alike.
        configurationBuilder.Properties<Money>().HaveConversion<MoneyAsFen>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReferenceFigure>(e =>
        {
            e.ToTable("ReferenceFigures");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.SetBy).HasMaxLength(128);
        });
        modelBuilder.Entity<MonitoredPlatform>(e =>
        {
            e.ToTable("Platforms");
            e.HasKey(x => x.ApplicationId);
            e.Property(x => x.ApplicationId).ValueGeneratedNever();
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.IndustryField).HasMaxLength(64);
            e.Property(x => x.SubPark).HasMaxLength(64);
            e.Property(x => x.Principal).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => x.UnitUscc);
        });
        modelBuilder.Entity<PlatformEvent>(e =>
        {
            e.ToTable("PlatformHistory");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Summary).HasMaxLength(4000);
            e.Property(x => x.Reference).HasMaxLength(200);
            e.Property(x => x.By).HasMaxLength(128);
            e.HasIndex(x => new { x.ApplicationId, x.At });
        });
        modelBuilder.Entity<AnnualReport>(e =>
        {
            e.ToTable("AnnualReports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => new { x.ApplicationId, x.ConstructionYear }).IsUnique();
            e.HasIndex(x => x.UnitUscc);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SubmittedBy).HasMaxLength(128);
            e.Property(x => x.EvaluatedBy).HasMaxLength(128);
            e.Property(x => x.RemindersSent).HasMaxLength(100);
            e.Property(x => x.Comments).HasMaxLength(4000);
            e.Property(x => x.AcceptedSelfRaisedEligibleInvestment).HasColumnName("AcceptedSelfRaisedEligibleInvestmentFen");
            e.OwnsOne(x => x.Indicators, i =>
            {
                i.ToJson("Indicators");
                i.OwnsMany(x => x.Investments);
                i.OwnsMany(x => x.Targets);
            });
            e.OwnsMany(x => x.Checks, c => c.ToJson("Checks"));
            // The dashboard's ranking: the reports furthest behind their targets first.
            e.HasIndex(x => x.AverageTargetAttainmentBasisPoints);
        });
        modelBuilder.Entity<RectificationOrder>(e =>
        {
            e.ToTable("Rectifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Requirements).HasMaxLength(4000);
            e.Property(x => x.CompletionNote).HasMaxLength(4000);
            e.Property(x => x.OrderedBy).HasMaxLength(128);
            e.Property(x => x.CompletedBy).HasMaxLength(128);
            e.HasIndex(x => x.ApplicationId);
        });
        modelBuilder.Entity<FraudCase>(e =>
        {
            e.ToTable("FraudCases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.SourceReference).HasMaxLength(200);
            e.Property(x => x.Allegation).HasMaxLength(4000);
            e.Property(x => x.Evidence).HasMaxLength(4000);
            e.Property(x => x.Finding).HasMaxLength(4000);
            e.Property(x => x.DecisionReference).HasMaxLength(200);
            e.Property(x => x.OpenedBy).HasMaxLength(128);
            e.Property(x => x.InvestigatedBy).HasMaxLength(128);
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.HasIndex(x => x.ApplicationId);
        });
        modelBuilder.Entity<MajorMatter>(e =>
        {
            e.ToTable("MajorMatters");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Details).HasMaxLength(8000);
            e.Property(x => x.NewPrincipal).HasMaxLength(100);
            e.Property(x => x.Attachments).HasMaxLength(2000);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.Property(x => x.ReportedBy).HasMaxLength(128);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(128);
            e.HasIndex(x => x.ApplicationId);
        });
    }
}

/// <summary>Money as its whole number of fen.</summary>
internal sealed class MoneyAsFen() : ValueConverter<Money, long>(v => v.Fen, v => Money.FromFen(v));

public sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options) : MonitoringDbContext(options);

public sealed class PostgresMonitoringDbContext(DbContextOptions<PostgresMonitoringDbContext> options) : MonitoringDbContext(options);

public sealed class SqlServerMonitoringDbContext(DbContextOptions<SqlServerMonitoringDbContext> options) : MonitoringDbContext(options);

internal sealed class SqliteMonitoringDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteMonitoringDbContext>;

internal sealed class PostgresMonitoringDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresMonitoringDbContext>;

internal sealed class SqlServerMonitoringDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerMonitoringDbContext>;
