using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;
using Zgc.Review.Domain;

namespace Zgc.Review.Persistence;

public abstract class ReviewDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<ReviewCase> Cases => Set<ReviewCase>();

    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<ExpertPanel> Panels => Set<ExpertPanel>();

    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    private static readonly string[] ScoreColumns =
        ["Significance", "Foundation", "Team", "Innovation", "Integration", "Content", "Targets", "Funding", "Total", "Deviation"];

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<ReviewCase>(e =>
        {
            e.ToTable("ReviewCases");
            e.HasKey(x => x.ApplicationId);
            e.Property(x => x.ApplicationId).ValueGeneratedNever();
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.IndustryField).HasMaxLength(64);
            e.Property(x => x.SubArea).HasMaxLength(64);
            e.Property(x => x.SubPark).HasMaxLength(64);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.DecisionReason).HasMaxLength(4000);
            e.Property(x => x.MinutesReference).HasMaxLength(200);
            e.Property(x => x.MunicipalDecisionReference).HasMaxLength(200);
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.ConflictUsccs);
            e.HasIndex(x => x.Stage);
        });
        modelBuilder.Entity<Expert>(e =>
        {
            e.ToTable("Experts");
            e.HasKey(x => x.UserId);
            e.Property(x => x.UserId).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.EmployerName).HasMaxLength(200);
            e.Property(x => x.EmployerUscc).HasMaxLength(18);
            e.Property(x => x.Title).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.EmployerUscc);
        });
        modelBuilder.Entity<ExpertPanel>(e =>
        {
            e.ToTable("Panels");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.Property(x => x.PoolTier).HasMaxLength(16);
            e.Property(x => x.PolicyVersion).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.FormedBy).HasMaxLength(128);
            e.Property(x => x.ClosedBy).HasMaxLength(128);
            Score(e.Property(x => x.SupportThreshold));
            Score(e.Property(x => x.OutlierThreshold));
            Score(e.Property(x => x.Mean));
            Score(e.Property(x => x.TrimmedMean));
            Score(e.Property(x => x.Spread));
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Seated);
            e.Ignore(x => x.Policy);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.PanelId);
            e.HasMany(x => x.Changes).WithOne().HasForeignKey(c => c.PanelId);
            e.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<PanelMember>(e =>
        {
            e.ToTable("PanelMembers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ExpertUserId).HasMaxLength(128);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.JoinedBy).HasMaxLength(32);
            e.Property(x => x.DeclineReason).HasMaxLength(2000);
            e.Property(x => x.Comment).HasMaxLength(4000);
            foreach (var name in ScoreColumns)
            {
                e.Property<decimal?>(name).HasPrecision(5, 2);
            }

            e.Ignore(x => x.Seated);
            e.HasIndex(x => new { x.ExpertUserId, x.Status });
        });
        modelBuilder.Entity<PanelChange>(e =>
        {
            e.ToTable("PanelChanges");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.ExpertUserId).HasMaxLength(128);
            e.Property(x => x.ReplacementUserId).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.By).HasMaxLength(128);
        });
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("Meetings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.CreatedBy).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasMany(x => x.Agenda).WithOne().HasForeignKey(i => i.MeetingId);
            e.HasIndex(x => x.Date);
        });
        modelBuilder.Entity<AgendaItem>(e =>
        {
            e.ToTable("AgendaItems");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.MinutesReference).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(4000);
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.HasIndex(x => new { x.ApplicationId, x.Outcome });
        });
    }

    /// <summary>Scores are 0–100 with two decimals.</summary>
    private static void Score<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> property) => property.HasPrecision(5, 2);
}

public sealed class SqliteReviewDbContext(DbContextOptions<SqliteReviewDbContext> options) : ReviewDbContext(options);

public sealed class PostgresReviewDbContext(DbContextOptions<PostgresReviewDbContext> options) : ReviewDbContext(options);

public sealed class SqlServerReviewDbContext(DbContextOptions<SqlServerReviewDbContext> options) : ReviewDbContext(options);

internal sealed class SqliteReviewDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteReviewDbContext>;

internal sealed class PostgresReviewDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresReviewDbContext>;

internal sealed class SqlServerReviewDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerReviewDbContext>;
