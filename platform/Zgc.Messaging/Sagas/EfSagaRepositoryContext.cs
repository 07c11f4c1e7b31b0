using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;

namespace Zgc.Messaging.Sagas;

/// <summary>
/// One message's view of the saga table. Optimistic: every update bumps <see cref="ISagaVersion.Version"/>,
/// EF adds <c>WHERE Version = loaded</c>, and a lost race surfaces as <see cref="DbUpdateConcurrencyException"/>,
/// which the endpoint's retry policy answers with a fresh scope and a fresh load.
/// </summary>
internal sealed class EfSagaRepositoryContext<TSaga, TMessage>(DbContext db, ConsumeContext<TMessage> context)
    : ConsumeContextScope<TMessage>(context), SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    private const string InsertSavepoint = "zgc_saga_insert";

    private static readonly SagaConsumeContextFactory<DbContext, TSaga> Factory = new();

    // Every transition loads its instance: compiled once per model, so EF does not re-read the expression tree and look up
    // its plan on each message (docs/performance.md, fix 34).
    private static readonly ModelCompiledQuery<DbContext, Guid, TSaga?> ById =
        new((db, id, _) => db.Set<TSaga>().AsTracking().SingleOrDefault(x => x.CorrelationId == id));

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class => Factory.CreateSagaConsumeContext(db, consumeContext, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        Factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        instance.Version = 1;
        db.Set<TSaga>().Add(instance);
        // The transaction goes on after a duplicate (MassTransit then loads the existing instance), and on PostgreSQL a
        // failed statement aborts the whole transaction unless it is rolled back to a savepoint taken before it.
        var transaction = db.Database.CurrentTransaction;
        var savepoint = transaction is { SupportsSavepoints: true };
        if (savepoint)
        {
            await transaction!.CreateSavepointAsync(InsertSavepoint, CancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another message created the same instance first (CorrelationId is the primary key).
            if (savepoint)
            {
                await transaction!.RollbackToSavepointAsync(InsertSavepoint, CancellationToken);
            }

            db.Entry(instance).State = EntityState.Detached;
            return default!;
        }

        return await Factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await ById.Run(db, correlationId, CancellationToken);
        return instance is null ? default! : await Factory.CreateSagaConsumeContext(db, this, instance, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        context.Saga.Version = 1;
        db.Set<TSaga>().Add(context.Saga);
        await db.SaveChangesAsync(CancellationToken);
    }

    public async Task Update(SagaConsumeContext<TSaga> context)
    {
        context.Saga.Version++;
        await db.SaveChangesAsync(CancellationToken);
    }

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Remove(context.Saga);
        await db.SaveChangesAsync(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        db.Entry(context.Saga).State = EntityState.Detached;
        return Task.CompletedTask;
    }
}
