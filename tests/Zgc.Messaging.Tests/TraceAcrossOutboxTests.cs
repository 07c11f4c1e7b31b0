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

/// <summary>
/// The same over RabbitMQ and PostgreSQL, where the outbox publishes directly on its own channel: the consumers of a
/// request's messages, two outbox hops away, still run in the request's trace (the W3C id travels as MassTransit's
/// <c>MT-Activity-Id</c> header, which the direct publish sets as MassTransit's send would).
/// </summary>
public sealed class TraceAcrossDirectPublishTests : IAsyncLifetime
{
    private Support.TestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await Support.TestBed.Create();

    public ValueTask DisposeAsync() => _bed.DisposeAsync();

    [Fact]
    public async Task Consumers_reached_by_direct_publishes_continue_the_callers_trace()
    {
        var (_, api) = await _bed.Start();
        // A first flow makes the bus declare both destinations, so the traced flow below is published directly.
        var first = Guid.NewGuid();
        await api.ProduceStep1(first);
        await Eventually.True(async () => await _bed.Effects("step2", first) == 1, $"the first flow handled ({_bed.Logs})", TimeSpan.FromSeconds(60));
        var directBefore = (await api.DeliveredByPath()).GetValueOrDefault("direct");

        var traceId = ActivityTraceId.CreateRandom();
        var key = Guid.NewGuid();
        await api.ProduceStep1InTrace(key, $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await Eventually.True(async () => await _bed.Effects("step2", key) == 1, $"the traced flow handled ({_bed.Logs})", TimeSpan.FromSeconds(60));

        Assert.Equal([traceId.ToString()], await _bed.EffectTraces("step1", key));
        Assert.Equal([traceId.ToString()], await _bed.EffectTraces("step2", key));
        Assert.True((await api.DeliveredByPath()).GetValueOrDefault("direct") >= directBefore + 2, "Step1 and Step2 were published directly");
    }
}
