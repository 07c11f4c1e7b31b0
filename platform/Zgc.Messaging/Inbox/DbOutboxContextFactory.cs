using MassTransit;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Zgc.Messaging.Inbox;

/// <summary>
/// Runs one delivery of a message to one consumer as a single database transaction: the inbox row (which
/// turns a second delivery into a no-op), the consumer's state changes and the messages it produced.
/// </summary>
internal sealed class DbOutboxContextFactory<TDb>(TDb db, TimeProvider clock, IServiceProvider provider, IOptions<MessagingOptions> options)
    : IOutboxContextFactory<TDb>
    where TDb : DbContext
{
    public async Task Send<T>(ConsumeContext<T> context, OutboxConsumeOptions consumeOptions, IPipe<OutboxConsumeContext<T>> next)
        where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A consumed message has no MessageId.");
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
            // A failure abandons the whole transaction (the strategy or the retry policy runs it again), so the
            // savepoint EF would wrap around each SaveChanges (two more round trips each) buys nothing here. The saga
            // repository sets its own around the one insert it recovers from.
            db.Database.AutoSavepointsEnabled = false;
            var claimed = await InboxClaim.TryClaim(db, new InboxMessage
            {
                MessageId = messageId,
                ConsumerId = consumeOptions.ConsumerId,
                ConsumerType = Truncate(consumeOptions.ConsumerType, 256),
                ReceivedAt = clock.GetUtcNow(),
            }, context.CancellationToken);
            if (!claimed)
            {
                // Already handled: acknowledge and change nothing. Marking it consumed keeps MassTransit
                // from moving it to the _skipped queue.
                await transaction.CommitAsync(context.CancellationToken);
                await context.NotifyConsumed(context, TimeSpan.Zero, consumeOptions.ConsumerType);
                return;
            }

            var outboxContext = new DbOutboxConsumeContext<T>(context, consumeOptions, provider, db, clock);
            await next.Send(outboxContext);

            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        });

        if (options.Value.CrashAfterOutboxCommit)
        {
            FaultInjection.CrashNow("after a consumer's outbox commit");
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("zgc-outbox");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
