using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zgc.Persistence;

/// <summary>
/// An EF interceptor that acts when a context's work is committed: when the transaction a save ran in commits, or — for a
/// save outside any transaction of the caller's — when the save returns (EF committed it in a transaction of its own).
/// Used to wake whoever waits for a commit (the outbox's delivery worker, the workflows instance page's long polls).
/// </summary>
public abstract class CommitObserver : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Before a save runs (change detection has not run yet).</summary>
    protected virtual void Saving(DbContext context)
    {
    }

    /// <summary>The context's work so far is committed.</summary>
    protected abstract void Committed(DbContext context);

    /// <summary>The context's transaction rolled back: what it noted is void.</summary>
    protected virtual void RolledBack(DbContext context)
    {
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedOnItsOwn(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SavedOnItsOwn(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Committed(context);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            RolledBack(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    // A save outside any transaction of the caller's committed when it returned (in a transaction of its own, or none).
    private void SavedOnItsOwn(DbContext? context)
    {
        if (context is { Database.CurrentTransaction: null })
        {
            Committed(context);
        }
    }
}
