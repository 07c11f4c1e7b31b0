using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;
using Zgc.Monitoring.Domain;

namespace Zgc.Monitoring.Persistence;

public abstract class MonitoringDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<ReferenceFigure> ReferenceFigures => Set<ReferenceFigure>();

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
    }
}

public sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options) : MonitoringDbContext(options);

public sealed class PostgresMonitoringDbContext(DbContextOptions<PostgresMonitoringDbContext> options) : MonitoringDbContext(options);

public sealed class SqlServerMonitoringDbContext(DbContextOptions<SqlServerMonitoringDbContext> options) : MonitoringDbContext(options);

internal sealed class SqliteMonitoringDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteMonitoringDbContext>;

internal sealed class PostgresMonitoringDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresMonitoringDbContext>;

internal sealed class SqlServerMonitoringDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerMonitoringDbContext>;
