using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;
using Zgc.Review.Domain;

namespace Zgc.Review.Persistence;

public abstract class ReviewDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<ReviewCase> Cases => Set<ReviewCase>();

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
            e.Property(x => x.SubPark).HasMaxLength(64);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.DecisionReason).HasMaxLength(4000);
            e.Property(x => x.DecidedBy).HasMaxLength(128);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.Stage);
        });
    }
}

public sealed class SqliteReviewDbContext(DbContextOptions<SqliteReviewDbContext> options) : ReviewDbContext(options);

public sealed class PostgresReviewDbContext(DbContextOptions<PostgresReviewDbContext> options) : ReviewDbContext(options);

public sealed class SqlServerReviewDbContext(DbContextOptions<SqlServerReviewDbContext> options) : ReviewDbContext(options);

internal sealed class SqliteReviewDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteReviewDbContext>;

internal sealed class PostgresReviewDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresReviewDbContext>;

internal sealed class SqlServerReviewDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerReviewDbContext>;
