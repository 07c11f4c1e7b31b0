using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.TestHost.Counters;

namespace Zgc.Messaging.TestHost;

/// <summary>One row per handled message: what the tests count to tell "handled once" from "handled twice".</summary>
public sealed class Effect
{
    public Guid Id { get; set; }

    /// <summary>step1, step2, ping or wakeup.</summary>
    public required string Kind { get; set; }

    public Guid Key { get; set; }

    public Guid MessageId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The trace the handling ran in (W3C trace id), to follow one flow across the outbox and the broker.</summary>
    public string? TraceId { get; set; }
}

public abstract class TestDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    private static int _failedSaves;

    /// <summary>Saves that failed in this process (optimistic-concurrency and duplicate-key conflicts): evidence that handlers raced.</summary>
    public static int FailedSaves => Volatile.Read(ref _failedSaves);

    public DbSet<Effect> Effects => Set<Effect>();

    public DbSet<CounterSaga> Counters => Set<CounterSaga>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException)
        {
            Interlocked.Increment(ref _failedSaves);
            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Effect>(e =>
        {
            e.ToTable("Effects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(32);
            // Deliberately no unique index on the message id: only the inbox may stop a duplicate.
            e.HasIndex(x => new { x.Key, x.Kind });
        });
        modelBuilder.Entity<CounterSaga>(e =>
        {
            e.ToTable("Counters");
            e.HasKey(x => x.CorrelationId);
            e.Property(x => x.CorrelationId).ValueGeneratedNever();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.CurrentState).HasMaxLength(64);
        });
    }
}

public sealed class SqliteTestDbContext(DbContextOptions<SqliteTestDbContext> options) : TestDbContext(options);

public sealed class PostgresTestDbContext(DbContextOptions<PostgresTestDbContext> options) : TestDbContext(options);

public sealed class SqlServerTestDbContext(DbContextOptions<SqlServerTestDbContext> options) : TestDbContext(options);

/// <summary>
/// Creates the schema with <c>EnsureCreated</c> (test code: no migrations to keep in step). Registered before
/// messaging, so the delivery worker and the bus start only once the tables exist. Replicas on one database
/// are started one after the other by the tests, so two never create the schema at once.
/// </summary>
internal sealed class DatabaseCreator(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
