using System.Collections.Concurrent;
using System.Diagnostics;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// One trace per flow (issue 12, observability): a request in a trace stores a message, the outbox delivers it later, its
/// consumer publishes the next one through the outbox again — and both consumes belong to the request's trace.
/// </summary>
public sealed class TraceAcrossOutboxTests(SqliteHost host) : IClassFixture<SqliteHost>, IDisposable
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "MassTransit" or "Zgc.Messaging",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task Consumers_two_outbox_hops_away_continue_the_callers_trace()
    {
        _listener.ActivityStopped = _stopped.Add;
        ActivitySource.AddActivityListener(_listener);
        var traceId = ActivityTraceId.CreateRandom();
        var key = Guid.NewGuid();

        await host.Api().ProduceStep1InTrace(key, $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        // Both consumes (Step1, Step2) and both outbox deliveries are spans of the caller's trace.
        await Eventually.True(() => Task.FromResult(ConsumersIn(traceId).Count >= 2 && DeliveriesIn(traceId).Count >= 2),
            "two consumes and two outbox deliveries in the caller's trace", TimeSpan.FromSeconds(30));
    }

    private List<Activity> ConsumersIn(ActivityTraceId traceId) =>
        [.. _stopped.Where(a => a.TraceId == traceId && a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer)];

    private List<Activity> DeliveriesIn(ActivityTraceId traceId) =>
        [.. _stopped.Where(a => a.TraceId == traceId && a.Source.Name == "Zgc.Messaging")];

    public void Dispose() => _listener.Dispose();
}
