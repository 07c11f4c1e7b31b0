using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Zgc.Messaging.Sagas;

/// <summary>
/// Our EF Core saga repository (MassTransit.EntityFrameworkCore is not available here). Resolved from the
/// message scope, so it shares the DbContext — and the transaction — of the outbox and inbox: the instance,
/// its history rows and the messages it produced commit together.
/// </summary>
internal sealed class EfSagaRepositoryContextFactory<TSaga, TDb>(TDb db) :
    ISagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
    where TDb : DbContext
{
    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next) where T : class
    {
        await InTransaction(async () =>
        {
            var repositoryContext = new EfSagaRepositoryContext<TSaga, T>(db, context);
            await next.Send(repositoryContext);
        }, context.CancellationToken);
    }

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        await InTransaction(async () =>
        {
            var instances = await db.Set<TSaga>().AsTracking().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
            var repositoryContext = new EfSagaRepositoryContext<TSaga, T>(db, context);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
        }, context.CancellationToken);
    }

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class => asyncMethod(new QueryContext(db, cancellationToken));

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class => asyncMethod(new QueryContext(db, cancellationToken));

    public void Probe(ProbeContext context) => context.Add("persistence", "zgc-entity-framework");

    private async Task InTransaction(Func<Task> work, CancellationToken cancellationToken)
    {
        // Inside a consumer the outbox already opened the transaction; join it.
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // As in the inbox: a failure abandons the transaction; the insert that is recovered from has its own savepoint.
            db.Database.AutoSavepointsEnabled = false;
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }

    private sealed class QueryContext(DbContext db, CancellationToken cancellationToken) :
        MassTransit.Middleware.BasePipeContext(cancellationToken),
        QuerySagaRepositoryContext<TSaga>,
        LoadSagaRepositoryContext<TSaga>
    {
        public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken token = default)
        {
            var ids = await db.Set<TSaga>().Where(query.FilterExpression).Select(x => x.CorrelationId).ToListAsync(token);
            return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids);
        }

        public Task<TSaga> Load(Guid correlationId) =>
            db.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken)!;
    }
}
