using MassTransit;
using Zgc.Messaging.TestHost.Contracts;

namespace Zgc.Messaging.TestHost;

/// <summary>Writes its effect and publishes <see cref="Step2"/>; both commit with the inbox row, or neither does.</summary>
internal sealed class Step1Consumer(TestDbContext db, TimeProvider clock) : IConsumer<Step1>
{
    public async Task Consume(ConsumeContext<Step1> context)
    {
        db.Effects.Add(Effects.Of("step1", context.Message.Key, context, clock));
        await context.Publish(new Step2(context.Message.Key), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal sealed class Step2Consumer(TestDbContext db, TimeProvider clock) : IConsumer<Step2>
{
    public async Task Consume(ConsumeContext<Step2> context)
    {
        db.Effects.Add(Effects.Of("step2", context.Message.Key, context, clock));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal sealed class PingConsumer(TestDbContext db, TimeProvider clock) : IConsumer<Ping>
{
    public async Task Consume(ConsumeContext<Ping> context)
    {
        db.Effects.Add(Effects.Of("ping", context.Message.Key, context, clock));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal sealed class WakeupConsumer(TestDbContext db, TimeProvider clock) : IConsumer<Wakeup>
{
    public async Task Consume(ConsumeContext<Wakeup> context)
    {
        db.Effects.Add(Effects.Of("wakeup", context.Message.Key, context, clock));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal static class Effects
{
    public static Effect Of(string kind, Guid key, ConsumeContext context, TimeProvider clock) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        Key = key,
        MessageId = context.MessageId ?? Guid.Empty,
        At = clock.GetUtcNow(),
        TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
    };
}

/// <summary>Takes its time inside the consumer's transaction; its endpoint has a concurrency limit of its own (Program).</summary>
internal sealed class LingerConsumer(LingerGauge gauge) : IConsumer<Linger>
{
    public const int ConcurrentMessageLimit = 2;

    public async Task Consume(ConsumeContext<Linger> context)
    {
        using (gauge.Enter(context.Message.Key))
        {
            await Task.Delay(context.Message.Milliseconds, context.CancellationToken);
        }
    }
}
