using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Domain;
using Zgc.Intake.Domain.Units;
using Zgc.Messaging;
using Zgc.SharedKernel;

namespace Zgc.Intake.Persistence;

public abstract class IntakeDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationVersion> ApplicationVersions => Set<ApplicationVersion>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Debarment> Debarments => Set<Debarment>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Application>(e =>
        {
            e.ToTable("Applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.UnitUscc).HasMaxLength(Uscc.Length);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.Draft).AsJson();
            e.Property(x => x.IndustryField).HasConversion(v => v!.Code, v => IndustryField.Parse(v)).HasMaxLength(64);
            e.Property(x => x.SubArea).HasMaxLength(64);
            e.Property(x => x.SubPark).HasConversion(v => v!.Code, v => SubPark.Parse(v)).HasMaxLength(64);
            e.Property(x => x.TotalInvestment).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("TotalInvestmentFen");
            e.Property(x => x.SupportBase).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("SupportBaseFen");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.CreatedBy).HasMaxLength(128);
            e.Property(x => x.SubmittedBy).HasMaxLength(128);
            e.Property(x => x.AcceptedBy).HasMaxLength(128);
            e.Property(x => x.PreliminaryReviewBy).HasMaxLength(128);
            e.Property(x => x.PreliminaryReviewOpinion).HasMaxLength(Application.MaxOpinionLength);
            e.Property(x => x.RecommendedBy).HasMaxLength(128);
            e.Property(x => x.RecommendationOpinion).HasMaxLength(Application.MaxOpinionLength);
            e.Property(x => x.DecisionReasons).HasMaxLength(Application.MaxOpinionLength);
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.Property(x => x.History).AsJson();
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitUscc, x.CreatedAt });
            e.HasIndex(x => new { x.SubPark, x.Status, x.SubmittedAt });
            e.HasIndex(x => new { x.Status, x.SubmittedAt });
            e.HasIndex(x => x.SubmittedAt);
            // The lists' order (newest first, id as tie-break), so a page is read off the index instead of sorting every
            // visible row: a sub-park officer's (its sub-park) and the committee's (all). CurrentVersion rides along so
            // the visibility test and the page's total are answered from the index too (docs/performance.md, fix 17).
            e.HasIndex(x => new { x.SubPark, x.CreatedAt, x.Id, x.CurrentVersion });
            e.HasIndex(x => new { x.CreatedAt, x.Id, x.CurrentVersion });
        });
        modelBuilder.Entity<ApplicationVersion>(e =>
        {
            e.ToTable("ApplicationVersions");
            e.HasKey(x => new { x.ApplicationId, x.Number });
            e.Property(x => x.Content).AsJson();
            e.Property(x => x.Unit).AsJson();
            e.Property(x => x.Screening).AsJson();
            e.Property(x => x.Attachments).AsJson();
            e.Property(x => x.TotalInvestment).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("TotalInvestmentFen");
            e.Property(x => x.SupportBase).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("SupportBaseFen");
            e.Property(x => x.CommitmentVersion).HasMaxLength(64);
            e.Property(x => x.SubmittedBy).HasMaxLength(128);
        });
        modelBuilder.Entity<Unit>(e =>
        {
            e.ToTable("Units");
            e.HasKey(x => x.Uscc);
            e.Property(x => x.Uscc).HasMaxLength(Uscc.Length);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.LeadUnitType).HasMaxLength(64);
            e.Property(x => x.Profile).AsJson();
            e.Property(x => x.RegisteredBy).HasMaxLength(128);
            e.HasIndex(x => x.Name);
        });
        modelBuilder.Entity<Attachment>(e =>
        {
            e.ToTable("Attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.ContentType).HasMaxLength(128);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StorageKey).HasMaxLength(256);
            e.Property(x => x.UploadedBy).HasMaxLength(128);
            e.HasIndex(x => x.ApplicationId);
        });
        modelBuilder.Entity<Debarment>(e =>
        {
            e.ToTable("Debarments");
            e.HasKey(x => x.UnitUscc);
            e.Property(x => x.UnitUscc).HasMaxLength(Uscc.Length);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.DecisionReference).HasMaxLength(200);
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.Property(x => x.Source).HasMaxLength(32);
        });
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyRecords");
            e.HasKey(x => new { x.Caller, x.Operation, x.Key });
            e.Property(x => x.Caller).HasMaxLength(128);
            e.Property(x => x.Operation).HasMaxLength(128);
            e.Property(x => x.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.Location).HasMaxLength(256);
            e.HasIndex(x => x.CreatedAt);
        });
    }
}

// One small subclass per provider: EF keeps one migrations history per context type
// (`dotnet ef migrations add X --context SqliteIntakeDbContext --output-dir Persistence/Migrations/Sqlite`).
public sealed class SqliteIntakeDbContext(DbContextOptions<SqliteIntakeDbContext> options) : IntakeDbContext(options);

public sealed class PostgresIntakeDbContext(DbContextOptions<PostgresIntakeDbContext> options) : IntakeDbContext(options);

public sealed class SqlServerIntakeDbContext(DbContextOptions<SqlServerIntakeDbContext> options) : IntakeDbContext(options);

internal sealed class SqliteIntakeDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteIntakeDbContext>;

internal sealed class PostgresIntakeDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresIntakeDbContext>;

internal sealed class SqlServerIntakeDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerIntakeDbContext>;
