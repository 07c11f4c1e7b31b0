using MassTransit;
using Zgc.Workflows.Contracts;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Lifecycle;

/// <summary>
/// Appends every state change to the instance's history and announces it. It runs inside the message's
/// scope, so the history row and the event join the instance's own transaction: no history without the
/// change, no change without its history.
/// </summary>
internal sealed class TransitionHistoryObserver : IStateObserver<PlatformLifecycle>
{
    public async Task StateChanged(BehaviorContext<PlatformLifecycle> context, State currentState, State previousState)
    {
        // A new instance first "enters" Initial from nothing; that is not a step anyone took.
        if (previousState is null)
        {
            return;
        }

        var services = context.GetPayload<IServiceProvider>();
        var db = services.GetRequiredService<WorkflowsDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var from = previousState.Name;
        var eventName = context.Event.Name;

        if (context.Saga.CreatedAt == default)
        {
            context.Saga.CreatedAt = now;
        }

        context.Saga.UpdatedAt = now;
        context.Saga.StateEnteredAt = now;
        context.Saga.WaitingAlert = null;
        context.Saga.WaitingAlertAt = null;
        LifecycleMetrics.Transitions.Add(1, new KeyValuePair<string, object?>("to", currentState.Name));
        lock (db)
        {
            db.Transitions.Add(new LifecycleTransition
            {
                InstanceId = context.Saga.CorrelationId,
                Event = eventName,
                FromState = from,
                ToState = currentState.Name,
                At = now,
                MessageId = context.MessageId,
            });
        }

        await context.Publish(new LifecycleStateChanged(context.Saga.CorrelationId, eventName, from, currentState.Name, now));
    }

    /// <summary>
    /// Records a step that leaves the state as it is but matters to the history — a construction year closed by its
    /// evaluation — so the history shows every year, with the message and who acted.
    /// </summary>
    public static void RecordStep(BehaviorContext<PlatformLifecycle> context, string? actor, string reason)
    {
        var services = context.GetPayload<IServiceProvider>();
        var db = services.GetRequiredService<WorkflowsDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var state = context.Saga.CurrentState;
        context.Saga.UpdatedAt = now;
        lock (db)
        {
            db.Transitions.Add(new LifecycleTransition
            {
                InstanceId = context.Saga.CorrelationId,
                Event = context.Event.Name,
                FromState = state,
                ToState = state,
                At = now,
                MessageId = context.MessageId,
                Actor = actor,
                Reason = reason,
            });
        }
    }
}
