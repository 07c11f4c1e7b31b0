namespace Zgc.Messaging.Tests.Support;

/// <summary>GET /stats of one TestHost process: its raw receives per endpoint, and effects per kind in the shared database.</summary>
public sealed record HostStats(Dictionary<string, int> ReceivedByEndpoint, Dictionary<string, int> Effects, int FailedSaves)
{
    public int Received(string endpoint) => ReceivedByEndpoint.GetValueOrDefault(endpoint);

    public int Effect(string kind) => Effects.GetValueOrDefault(kind);

    public override string ToString() =>
        $"received {{{Describe(ReceivedByEndpoint)}}}, effects {{{Describe(Effects)}}}, failed saves {FailedSaves}";

    private static string Describe(Dictionary<string, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"));
}

/// <summary>GET /counters/{id}: the counter saga as stored.</summary>
public sealed record CounterView(Guid CorrelationId, int Version, string CurrentState, int Count, int TimerFired, Guid? TimeoutTokenId);

/// <summary>One entry of GET /msgtest/timers.</summary>
public sealed record TimerView(Guid TokenId, Guid MessageId, string MessageType, DateTimeOffset DueTime);

/// <summary>GET /lingers/{key}: how many Linger messages of the key were handled, and the most at one time.</summary>
public sealed record LingerStats(int Handled, int MostAtOnce);
