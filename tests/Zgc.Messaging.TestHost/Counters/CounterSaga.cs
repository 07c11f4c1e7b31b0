using MassTransit;

namespace Zgc.Messaging.TestHost.Counters;

public sealed class CounterSaga : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public int Version { get; set; }

    public string CurrentState { get; set; } = "";

    /// <summary>Increment events applied: with no lost update, exactly the number published.</summary>
    public int Count { get; set; }

    /// <summary>How often the state machine's timeout arrived.</summary>
    public int TimerFired { get; set; }

    /// <summary>The pending timeout's schedule token (MassTransit sets and clears it).</summary>
    public Guid? TimeoutTokenId { get; set; }
}
