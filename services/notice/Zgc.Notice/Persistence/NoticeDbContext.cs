using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;
using Zgc.Notice.Calendar;
using Zgc.Notice.Domain;

namespace Zgc.Notice.Persistence;

public abstract class NoticeDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PublicNotice> Notices => Set<PublicNotice>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<ObjectionEvidence> Evidence => Set<ObjectionEvidence>();

    public DbSet<HolidayYear> CalendarYears => Set<HolidayYear>();

    public DbSet<HolidayDate> CalendarDays => Set<HolidayDate>();

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
            e.Property(x => x.IndustryField).HasMaxLength(50);
            e.Property(x => x.SubPark).HasMaxLength(50);
            e.Property(x => x.ConstructionSummary).HasMaxLength(4000);
            e.Property(x => x.ObjectionChannel).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.PublishedBy).HasMaxLength(100);
            e.Property(x => x.OutcomeReason).HasMaxLength(4000);
            e.HasIndex(x => x.ApplicationId).IsUnique();
            e.HasIndex(x => x.ClosesAt);
            e.Ignore(x => x.LastChangedAt);
            e.HasMany(x => x.Objections).WithOne().HasForeignKey(o => o.NoticeId);
            e.Navigation(x => x.Objections).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<Objection>(e =>
        {
            e.ToTable("Objections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ReceiptNumber).HasMaxLength(20);
            e.HasIndex(x => x.ReceiptNumber).IsUnique();
            e.Property(x => x.ObjectorName).HasMaxLength(50);
            e.Property(x => x.IdNumber).HasMaxLength(18);
            e.Property(x => x.Telephone).HasMaxLength(20);
            e.Property(x => x.Organisation).HasMaxLength(100);
            e.Property(x => x.Reasons).HasMaxLength(Objection.MaxReasonsLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Finding).HasMaxLength(2000);
            e.Property(x => x.HandledBy).HasMaxLength(100);
            e.Property(x => x.FiledBy).HasMaxLength(100);
            e.Ignore(x => x.IsPending);
            e.HasMany(x => x.Evidence).WithOne().HasForeignKey(v => v.ObjectionId);
            e.Navigation(x => x.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        modelBuilder.Entity<ObjectionEvidence>(e =>
        {
            e.ToTable("ObjectionEvidence");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FileName).HasMaxLength(ObjectionEvidence.MaxFileNameLength);
            e.Property(x => x.ContentType).HasMaxLength(50);
            e.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        });
        modelBuilder.Entity<HolidayYear>(e =>
        {
            e.ToTable("CalendarYears");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
            e.Property(x => x.Papers).HasMaxLength(4000);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.HasMany(x => x.Days).WithOne().HasForeignKey(d => d.Year).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<HolidayDate>(e =>
        {
            e.ToTable("CalendarDays");
            e.HasKey(x => new { x.Year, x.Date });
            e.Property(x => x.Name).HasMaxLength(20);
        });
    }
}

public sealed class SqliteNoticeDbContext(DbContextOptions<SqliteNoticeDbContext> options) : NoticeDbContext(options);

public sealed class PostgresNoticeDbContext(DbContextOptions<PostgresNoticeDbContext> options) : NoticeDbContext(options);

public sealed class SqlServerNoticeDbContext(DbContextOptions<SqlServerNoticeDbContext> options) : NoticeDbContext(options);

internal sealed class SqliteNoticeDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteNoticeDbContext>;

internal sealed class PostgresNoticeDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresNoticeDbContext>;

internal sealed class SqlServerNoticeDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerNoticeDbContext>;
