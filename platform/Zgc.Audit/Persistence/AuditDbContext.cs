using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;

namespace Zgc.Audit.Persistence;

/// <summary>
/// The audit table, in the service's own database but with its own context and migrations history
/// (<see cref="MigrationsHistoryTable"/>), so the audit log needs nothing from the service's model.
/// </summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string TableName = "audit_entries";

    public const string MigrationsHistoryTable = "__AuditMigrationsHistory";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            ProviderConventions.ApplySqlite(configurationBuilder);
        }
        else if (Database.IsNpgsql())
        {
            ProviderConventions.ApplyPostgres(configurationBuilder);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable(TableName);
            // The key is what keeps the chain from forking: two appends can never both take the same sequence number.
            e.HasKey(x => new { x.Service, x.Sequence });
            e.Property(x => x.Service).HasColumnName("service").HasMaxLength(AuditText.ServiceLength);
            e.Property(x => x.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(AuditText.UserLength);
            e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(AuditText.UserLength);
            e.Property(x => x.Roles).HasColumnName("roles").HasMaxLength(AuditText.RolesLength);
            e.Property(x => x.Action).HasColumnName("action").HasMaxLength(AuditText.ActionLength);
            e.Property(x => x.Method).HasColumnName("method").HasMaxLength(AuditText.MethodLength);
            e.Property(x => x.Route).HasColumnName("route").HasMaxLength(AuditText.RouteLength);
            e.Property(x => x.EndpointName).HasColumnName("endpoint_name").HasMaxLength(AuditText.ActionLength);
            e.Property(x => x.Path).HasColumnName("path").HasMaxLength(AuditText.PathLength);
            e.Property(x => x.Target).HasColumnName("target").HasMaxLength(AuditText.TargetLength);
            e.Property(x => x.StatusCode).HasColumnName("status_code");
            e.Property(x => x.RequestId).HasColumnName("request_id").HasMaxLength(AuditText.IdLength);
            e.Property(x => x.TraceId).HasColumnName("trace_id").HasMaxLength(AuditText.IdLength);
            e.Property(x => x.Detail).HasColumnName("detail").HasMaxLength(AuditText.DetailLength);
            e.Property(x => x.PreviousHash).HasColumnName("previous_hash").HasMaxLength(AuditText.HashLength);
            e.Property(x => x.Hash).HasColumnName("hash").HasMaxLength(AuditText.HashLength);
            e.HasIndex(x => new { x.Service, x.OccurredAt });
            e.HasIndex(x => new { x.Service, x.UserId });
        });
    }
}

public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

public sealed class SqlServerAuditDbContext(DbContextOptions<SqlServerAuditDbContext> options) : AuditDbContext(options);

internal sealed class SqliteAuditDesignFactory : SqliteDesignTimeFactory<SqliteAuditDbContext>;

internal sealed class PostgresAuditDesignFactory : PostgresDesignTimeFactory<PostgresAuditDbContext>;

internal sealed class SqlServerAuditDesignFactory : SqlServerDesignTimeFactory<SqlServerAuditDbContext>;
