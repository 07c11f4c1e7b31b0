using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;
using Zgc.Notice.Domain;

namespace Zgc.Notice.Persistence;

public abstract class NoticeDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PublicNotice> Notices => Set<PublicNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PublicNotice>(e =>
        {
            e.ToTable("Notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.HasIndex(x => x.ClosesAt);
        });
    }
}

public sealed class SqliteNoticeDbContext(DbContextOptions<SqliteNoticeDbContext> options) : NoticeDbContext(options);

public sealed class PostgresNoticeDbContext(DbContextOptions<PostgresNoticeDbContext> options) : NoticeDbContext(options);

public sealed class SqlServerNoticeDbContext(DbContextOptions<SqlServerNoticeDbContext> options) : NoticeDbContext(options);

internal sealed class SqliteNoticeDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteNoticeDbContext>;

internal sealed class PostgresNoticeDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresNoticeDbContext>;

internal sealed class SqlServerNoticeDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerNoticeDbContext>;
