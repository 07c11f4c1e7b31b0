using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;
using Zgc.Workflows.Lifecycle;

namespace Zgc.Workflows.Persistence;

public abstract class WorkflowsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PlatformLifecycle> Instances => Set<PlatformLifecycle>();

    public DbSet<LifecycleTransition> Transitions => Set<LifecycleTransition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // An instance's page lists its pending timers, found by the instance's id as their correlation id: every active
        // instance has one or more waiting in the outbox, so without this each page read the whole pending outbox.
        modelBuilder.Entity<Zgc.Messaging.Outbox.OutboxMessage>().HasIndex(x => x.CorrelationId);
        modelBuilder.Entity<PlatformLifecycle>(e =>
        {
            e.ToTable("PlatformLifecycles");
            e.HasKey(x => x.CorrelationId);
            e.Property(x => x.CorrelationId).ValueGeneratedNever();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.CurrentState).HasMaxLength(64);
            e.Property(x => x.PolicyVersion).HasMaxLength(64);
            e.Property(x => x.PlatformName).HasMaxLength(200);
            e.Property(x => x.UnitUscc).HasMaxLength(18);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.SubPark).HasMaxLength(64);
            e.Property(x => x.IndustryField).HasMaxLength(64);
            e.Property(x => x.OutcomeReason).HasMaxLength(2000);
            e.Property(x => x.WaitingAlert).HasMaxLength(64);
            e.Property(x => x.SubArea).HasMaxLength(64);
            e.Property(x => x.IntegratedEnterpriseUsccs).HasMaxLength(4000);
            e.Property(x => x.ExpertTrimmedMean).HasPrecision(7, 2);
            e.Property(x => x.RejectedAtStage).HasMaxLength(64);
            e.Property(x => x.MajorDecisionReference).HasMaxLength(200);
            // The operators' list is ordered by UpdatedAt descending, then CorrelationId, and filtered by one of these columns;
            // each index holds the filter and the whole order, so the page's keys and the total are read from the index alone
            // (at 100,000 instances a deep page or a filtered count otherwise reads most of the table). The state's also
            // serves the counts per state.
            e.HasIndex(x => new { x.UpdatedAt, x.CorrelationId }).IsDescending(true, false);
            e.HasIndex(x => new { x.CurrentState, x.UpdatedAt, x.CorrelationId }).IsDescending(false, true, false);
            e.HasIndex(x => new { x.SubPark, x.UpdatedAt, x.CorrelationId }).IsDescending(false, true, false);
            e.HasIndex(x => new { x.IndustryField, x.UpdatedAt, x.CorrelationId }).IsDescending(false, true, false);
            // Platforms in a construction year: counted and paged from the index alone (the year is not in the state's).
            e.HasIndex(x => new { x.CurrentState, x.ConstructionYear, x.UpdatedAt, x.CorrelationId }).IsDescending(false, false, true, false);
            // Stalled instances: the active states' longest waiting, without reading the finished ones.
            e.HasIndex(x => new { x.CurrentState, x.StateEnteredAt });
        });
        modelBuilder.Entity<LifecycleTransition>(e =>
        {
            e.ToTable("LifecycleTransitions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Event).HasMaxLength(128);
            e.Property(x => x.FromState).HasMaxLength(64);
            e.Property(x => x.ToState).HasMaxLength(64);
            e.Property(x => x.Actor).HasMaxLength(128);
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasIndex(x => new { x.InstanceId, x.Id });
        });
    }
}

public sealed class SqliteWorkflowsDbContext(DbContextOptions<SqliteWorkflowsDbContext> options) : WorkflowsDbContext(options);

public sealed class PostgresWorkflowsDbContext(DbContextOptions<PostgresWorkflowsDbContext> options) : WorkflowsDbContext(options);

public sealed class SqlServerWorkflowsDbContext(DbContextOptions<SqlServerWorkflowsDbContext> options) : WorkflowsDbContext(options);

internal sealed class SqliteWorkflowsDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteWorkflowsDbContext>;

internal sealed class PostgresWorkflowsDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresWorkflowsDbContext>;

internal sealed class SqlServerWorkflowsDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerWorkflowsDbContext>;
