using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging;

namespace Zgc.Bench;

/// <summary>The outbox scenario's message: a run number, a sequence number and a padding payload.</summary>
public sealed record BenchMessage(int Run, int Sequence, string Payload);

/// <summary>The saga scenario's event: toggles one instance.</summary>
public sealed record ToggleBenchSaga(Guid InstanceId, int Sequence);

/// <summary>Records when each outbox message reached the consumer (inside the consumer's inbox transaction).</summary>
public sealed class BenchConsumer : IConsumer<BenchMessage>
{
    /// <summary>The measured run; set by the scenario before it writes the run's messages.</summary>
    public static ArrivalProbe? Probe { get; set; }

    public Task Consume(ConsumeContext<BenchMessage> context)
    {
        Probe?.Arrived(context.Message.Run, context.Message.Sequence, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}

/// <summary>A trivial saga: it flips between two states on every event and counts the events it applied.</summary>
public sealed class BenchSaga : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    public int Applied { get; set; }
}

public sealed class BenchStateMachine : MassTransitStateMachine<BenchSaga>
{
    private static int _attempts;

    /// <summary>Transitions attempted, including ones rolled back by an optimistic-concurrency conflict and retried.</summary>
    public static int Attempts => Volatile.Read(ref _attempts);

    public static void ResetAttempts() => Interlocked.Exchange(ref _attempts, 0);

    public BenchStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Toggle, e => e.CorrelateById(m => m.Message.InstanceId));

        Initially(When(Toggle).Then(Apply).TransitionTo(Off));
        During(Off, When(Toggle).Then(Apply).TransitionTo(On));
        During(On, When(Toggle).Then(Apply).TransitionTo(Off));
    }

    public State On { get; private set; } = null!;

    public State Off { get; private set; } = null!;

    public Event<ToggleBenchSaga> Toggle { get; private set; } = null!;

    private static void Apply(BehaviorContext<BenchSaga, ToggleBenchSaga> context)
    {
        context.Saga.Applied++;
        Interlocked.Increment(ref _attempts);
    }
}

/// <summary>The bench service's database: the outbox and inbox tables (from <see cref="ServiceDbContext"/>) and the saga table.</summary>
public abstract class BenchDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<BenchSaga> Sagas => Set<BenchSaga>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<BenchSaga>(e =>
        {
            e.ToTable("BenchSagas");
            e.HasKey(x => x.CorrelationId);
            e.Property(x => x.CorrelationId).ValueGeneratedNever();
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Property(x => x.CurrentState).HasMaxLength(64);
        });
    }
}

/// <summary>
/// The PostgreSQL context <c>AddServiceDatabase</c> registers. The bench only runs on PostgreSQL, so this one type
/// also fills the SQLite and SQL Server slots (their branches are never taken with <c>Database:Provider=Postgres</c>).
/// </summary>
public sealed class PostgresBenchDbContext(DbContextOptions<PostgresBenchDbContext> options) : BenchDbContext(options);
