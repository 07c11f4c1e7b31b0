using MassTransit;
using Zgc.Messaging.TestHost.Contracts;

namespace Zgc.Messaging.TestHost.Counters;

/// <summary>A counter (lost-update test) with a timer (Schedule/Unschedule through the outbox).</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterSaga>
{
    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => Incremented, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => TimerStarted, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => TimerCancelled, e => e.CorrelateById(m => m.Message.CounterId));
        Schedule(() => Timeout, x => x.TimeoutTokenId, s =>
        {
            s.Delay = TimeSpan.FromSeconds(3);
            s.Received = r => r.CorrelateById(m => m.Message.CounterId);
        });

        Initially(
            When(Incremented).Then(c => c.Saga.Count++).TransitionTo(Active),
            When(TimerStarted).Schedule(Timeout, c => new TimerElapsed(c.Saga.CorrelationId), c => TimeSpan.FromSeconds(c.Message.Seconds))
                .TransitionTo(Active));

        During(Active,
            When(Incremented).Then(c => c.Saga.Count++),
            When(TimerStarted).Schedule(Timeout, c => new TimerElapsed(c.Saga.CorrelationId), c => TimeSpan.FromSeconds(c.Message.Seconds)),
            When(TimerCancelled).Unschedule(Timeout),
            When(Timeout.Received).Then(c => c.Saga.TimerFired++));
    }

    public State Active { get; private set; } = null!;

    public Event<Increment> Incremented { get; private set; } = null!;

    public Event<StartTimer> TimerStarted { get; private set; } = null!;

    public Event<CancelTimer> TimerCancelled { get; private set; } = null!;

    public Schedule<CounterSaga, TimerElapsed> Timeout { get; private set; } = null!;
}
