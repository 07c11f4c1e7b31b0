using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Messaging.TestHost.Contracts;
using Zgc.Messaging.TestHost.Counters;

namespace Zgc.Messaging.TestHost;

/// <summary>What the tests drive and read; anonymous because the host is a test fixture, not a service.</summary>
internal static class TestEndpoints
{
    public sealed record StatsView(IReadOnlyDictionary<string, int> ReceivedByEndpoint, IReadOnlyDictionary<string, int> Effects, int FailedSaves);

    public static void MapTestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").AllowAnonymous();
        group.MapPost("/produce/step1", ProduceStep1);
        group.MapPost("/produce/pings", ProducePings);
        group.MapPost("/produce/lingers", ProduceLingers);
        group.MapGet("/lingers/{key:guid}", (Guid key, LingerGauge gauge) => TypedResults.Ok(gauge.For(key)));
        group.MapPost("/produce/duplicate-ping", ProduceDuplicatePing);
        group.MapPost("/produce/increment", ProduceIncrements);
        group.MapPost("/schedule/wakeup", ScheduleWakeup);
        group.MapPost("/cancel/{token:guid}", CancelTimer);
        group.MapPost("/counters/{id:guid}/start-timer", StartCounterTimer);
        group.MapPost("/counters/{id:guid}/cancel-timer", CancelCounterTimer);
        group.MapGet("/counters/{id:guid}", GetCounter);
        group.MapGet("/stats", GetStats);
        group.MapGet("/delivered-by-path", (DeliveryPathCounter counter) => TypedResults.Ok(counter.Snapshot()));
        group.MapGet("/send-order/{key:guid}", (Guid key, SendOrderRecorder recorder) => TypedResults.Ok(recorder.For(key)));
        app.MapGroup("/msgtest").MapTimers<TestDbContext>().AllowAnonymous();
    }

    private static async Task<Ok> ProduceStep1(Guid key, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        await outbox.Publish(new Step1(key), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    /// <summary><paramref name="count"/> messages in one transaction.</summary>
    private static async Task<Ok> ProducePings(Guid key, int count, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        for (var n = 0; n < count; n++)
        {
            await outbox.Publish(new Ping(key, n), ct);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    /// <summary><paramref name="count"/> messages that each take <paramref name="milliseconds"/> to handle, in one transaction.</summary>
    private static async Task<Ok> ProduceLingers(Guid key, int count, int milliseconds, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        for (var n = 0; n < count; n++)
        {
            await outbox.Publish(new Linger(key, milliseconds), ct);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    /// <summary>
    /// One Ping stored as <paramref name="copies"/> outbox rows with the same message id — what an outbox resend
    /// after a crash between send and commit looks like — so the transport delivers the same message that often.
    /// </summary>
    private static async Task<Ok<Guid>> ProduceDuplicatePing(Guid key, int copies, TestDbContext db, IOutbox<TestDbContext> outbox,
        CancellationToken ct)
    {
        await outbox.Publish(new Ping(key, 0), ct);
        var original = db.ChangeTracker.Entries<OutboxMessage>().Single(e => e.State == EntityState.Added);
        for (var i = 1; i < copies; i++)
        {
            var copy = (OutboxMessage)original.CurrentValues.ToObject();
            copy.SequenceNumber = 0;
            db.OutboxMessages.Add(copy);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(original.Entity.MessageId);
    }

    private static async Task<Ok> ProduceIncrements(Guid counter, int count, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        for (var n = 0; n < count; n++)
        {
            await outbox.Publish(new Increment(counter), ct);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    /// <summary>Returns the token that cancels the timer.</summary>
    private static async Task<Ok<Guid>> ScheduleWakeup(Guid key, int seconds, TestDbContext db, IOutbox<TestDbContext> outbox, TimeProvider clock,
        CancellationToken ct)
    {
        var token = await outbox.SchedulePublish(clock.GetUtcNow().AddSeconds(seconds), new Wakeup(key), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(token);
    }

    private static async Task<Ok> CancelTimer(Guid token, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        await outbox.Cancel(token, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> StartCounterTimer(Guid id, int seconds, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        await outbox.Publish(new StartTimer(id, seconds), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    private static async Task<Ok> CancelCounterTimer(Guid id, TestDbContext db, IOutbox<TestDbContext> outbox, CancellationToken ct)
    {
        await outbox.Publish(new CancelTimer(id), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok<CounterSaga>, NotFound>> GetCounter(Guid id, TestDbContext db, CancellationToken ct) =>
        await db.Counters.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id, ct) is { } counter
            ? TypedResults.Ok(counter)
            : TypedResults.NotFound();

    /// <summary>Raw receives of this process per endpoint, and effects (of one key, or all) per kind in the database.</summary>
    private static async Task<Ok<StatsView>> GetStats(Guid? key, TestDbContext db, ReceiveCounter receives, CancellationToken ct)
    {
        var effects = db.Effects.AsNoTracking();
        if (key is { } k)
        {
            effects = effects.Where(e => e.Key == k);
        }

        var byKind = await effects.GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Kind, x => x.Count, ct);
        return TypedResults.Ok(new StatsView(receives.Snapshot(), byKind, TestDbContext.FailedSaves));
    }
}
