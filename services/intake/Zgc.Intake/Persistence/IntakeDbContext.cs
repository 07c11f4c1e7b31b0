using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Domain;
using Zgc.Messaging;
using Zgc.SharedKernel;

namespace Zgc.Intake.Persistence;

public abstract class IntakeDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Application> Applications => Set<Application>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Application>(e =>
        {
            e.ToTable("Applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.PlatformName).HasMaxLength(Application.MaxPlatformNameLength);
            e.Property(x => x.IndustryField).HasConversion(v => v.Code, v => IndustryField.Parse(v)).HasMaxLength(64);
            e.Property(x => x.SubPark).HasConversion(v => v.Code, v => SubPark.Parse(v)).HasMaxLength(64);
            e.Property(x => x.TotalInvestment).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("TotalInvestmentFen");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.SubmittedBy).HasMaxLength(128);
            e.Property(x => x.RecommendedBy).HasMaxLength(128);
            e.Property(x => x.RecommendationOpinion).HasMaxLength(4000);
            e.HasIndex(x => x.UnitUscc);
            e.HasIndex(x => new { x.SubPark, x.Status });
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
