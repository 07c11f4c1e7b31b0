using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using MassTransit.Middleware;
using Zgc.Messaging.Faults;
using Zgc.Messaging.Sagas;
using Zgc.Messaging.Scheduling;

namespace Zgc.Messaging.Registration;

/// <summary>
/// What one service consumes. Each consumer and state machine gets its own receive endpoint named
/// <c>{service}-{name}</c>, so two services can consume the same message type (and, in the standalone
/// host, share one bus), and every endpoint runs through the service's own inbox, outbox and scheduler.
/// </summary>
public sealed class ServiceMessagingBuilder<TDb> where TDb : DbContext
{
    internal ServiceMessagingBuilder(string service) => Service = service;

    public string Service { get; }

    internal List<Action<IBusRegistrationConfigurator>> Registrations { get; } = [];

    /// <summary>Each endpoint's name, its own concurrency limit (null: the transport's default or the operator's) and its configuration.</summary>
    internal List<(string Name, int? ConcurrentMessageLimit, Action<IRegistrationContext, IReceiveEndpointConfigurator> Configure)> Endpoints { get; } = [];

    public ServiceMessagingBuilder<TDb> AddConsumer<TConsumer>() where TConsumer : class, IConsumer => Consumer<TConsumer>(null);

    /// <summary>
    /// A consumer whose endpoint handles at most <paramref name="concurrentMessageLimit"/> messages at once: for a consumer
    /// whose transaction is large, where more at once only holds more memory and delays every commit (the notice service's
    /// close sweeps). A lower <c>Messaging:ConcurrentMessageLimit</c>, when an operator sets one, applies instead.
    /// </summary>
    public ServiceMessagingBuilder<TDb> AddConsumer<TConsumer>(int concurrentMessageLimit) where TConsumer : class, IConsumer
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentMessageLimit, 1);
        return Consumer<TConsumer>(concurrentMessageLimit);
    }

    private ServiceMessagingBuilder<TDb> Consumer<TConsumer>(int? concurrentMessageLimit) where TConsumer : class, IConsumer
    {
        Registrations.Add(x => x.AddConsumer<TConsumer>());
        var name = $"{Service}-{KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>()}";
        Endpoints.Add((name, concurrentMessageLimit, (context, endpoint) => endpoint.ConfigureConsumer<TConsumer>(context)));
        return this;
    }

    /// <summary>A MassTransit state machine persisted by our EF saga repository in <typeparamref name="TDb"/>.</summary>
    public ServiceMessagingBuilder<TDb> AddStateMachine<TMachine, TSaga>()
        where TMachine : class, SagaStateMachine<TSaga>
        where TSaga : class, SagaStateMachineInstance, ISagaVersion
    {
        Registrations.Add(x => x.AddSagaStateMachine<TMachine, TSaga>().Repository(r =>
        {
            r.RegisterSagaRepository<TSaga, DbContext, SagaConsumeContextFactory<DbContext, TSaga>, EfSagaRepositoryContextFactory<TSaga, TDb>>();
            r.RegisterQuerySagaRepository<TSaga, EfSagaRepositoryContextFactory<TSaga, TDb>>();
            r.RegisterLoadSagaRepository<TSaga, EfSagaRepositoryContextFactory<TSaga, TDb>>();
        }));
        var name = $"{Service}-{KebabCaseEndpointNameFormatter.Instance.Saga<TSaga>()}";
        Endpoints.Add((name, null, (context, endpoint) => endpoint.ConfigureSaga<TSaga>(context)));
        return this;
    }

    /// <summary>
    /// Order matters (notes/MASSTRANSIT.md §5): retry first, so every attempt gets a fresh scope and DbContext;
    /// then the scheduler payload; then the outbox observer, which wraps each consumer and saga.
    /// </summary>
    internal void ConfigureEndpoint(string name, IRegistrationContext context, IReceiveEndpointConfigurator endpoint,
        Action<IRegistrationContext, IReceiveEndpointConfigurator> configure)
    {
        endpoint.UseMessageRetry(r =>
        {
            // One policy for every service: a few quick attempts absorb optimistic-concurrency races on hot
            // sagas and brief outages; after that the message goes to the endpoint's _error queue.
            r.Ignore<Zgc.SharedKernel.RuleViolationException>();
            r.Ignore<UnhandledEventException>();
            r.Exponential(10, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(40));
        });
        endpoint.ConfigureError(e =>
        {
            // Record first, then MassTransit's own defaults: publish Fault<T> and move the message to _error.
            e.UseFilter(new FaultRecordingFilter<TDb>(context, name));
            e.UseFilter(new GenerateFaultFilter());
            e.UseFilter(new ErrorTransportFilter());
        });
        endpoint.UseFilter(new OutboxSchedulerFilter<TDb>());
        var observer = new OutboxConsumePipeSpecificationObserver<TDb>(endpoint, context);
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
        configure(context, endpoint);
    }
}
