using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Zgc.Messaging.Outbox;

/// <summary>
/// Delivers due outbox rows of one service to the transport. Rows are claimed inside a transaction so that,
/// with several replicas on one database, each row is sent by one replica only: PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>, SQL Server <c>UPDLOCK, READPAST</c>, SQLite's single writer. Delivery is
/// at-least-once (a crash between send and commit resends); the consumers' inbox absorbs the duplicate.
/// </summary>
internal sealed partial class OutboxDeliveryService<TDb>(
    IServiceProvider services,
    IEnumerable<ServiceMessagingInfo> hostedServices,
    IBusControl bus,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDeliveryService<TDb>> logger) : BackgroundService
    where TDb : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForBus(stoppingToken);
        var lastCleanup = DateTimeOffset.MinValue;
        var lastMeasure = DateTimeOffset.MinValue;
        var service = hostedServices.FirstOrDefault(s => s.DbContextType == typeof(TDb))?.Service ?? typeof(TDb).Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try
            {
                delivered = await DeliverBatch(stoppingToken);
                if (DateTimeOffset.UtcNow - lastMeasure > TimeSpan.FromSeconds(5))
                {
                    await MeasureBacklog(service, stoppingToken);
                    lastMeasure = DateTimeOffset.UtcNow;
                }

                if (clock.GetUtcNow() - lastCleanup > TimeSpan.FromMinutes(1))
                {
                    await CleanUp(stoppingToken);
                    lastCleanup = clock.GetUtcNow();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDeliveryFailed(logger, typeof(TDb).Name, ex);
                await Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }

            // A full round: more rows are probably waiting, go again at once. A partial round: rows are trickling in,
            // look again after the short busy interval rather than the idle one. Nothing (or a failure): idle.
            if (delivered == 0)
            {
                await Delay(options.Value.OutboxPollInterval, stoppingToken);
            }
            else if (delivered < options.Value.OutboxBatchSize && options.Value.OutboxBusyPollInterval > TimeSpan.Zero)
            {
                await Delay(options.Value.OutboxBusyPollInterval, stoppingToken);
            }
        }
    }

    private async Task WaitForBus(CancellationToken stoppingToken)
    {
        try
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken token)
    {
        try
        {
            // Real time on purpose: polling cadence is not business time (a simulated clock must not stall it).
            await Task.Delay(delay, token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    internal async Task<int> DeliverBatch(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var rows = await Claim(db, clock.GetUtcNow(), options.Value.OutboxBatchSize, cancellationToken);
            // Up to OutboxSendConcurrency sends are in flight at once, so the broker's publisher confirms of a round
            // overlap instead of costing one round trip (and, for persistent messages, one broker fsync) each. Sends
            // are started in sequence order and completed in sequence order; with a concurrency of 1 every send
            // waits for the previous one's confirm, as before.
            var window = Math.Max(1, options.Value.OutboxSendConcurrency);
            var sends = new Task[rows.Count];
            var started = 0;
            var sent = 0;
            try
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    for (; started < rows.Count && started - i < window; started++)
                    {
                        sends[started] = Send(rows[started], cancellationToken);
                    }

                    await sends[i];
                    MarkDelivered(rows[i]);
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The first failure ends the round; the row is retried next round. Rows after it whose sends were
                // already in flight and succeeded are marked delivered below, so they are not sent twice; they may
                // then have reached the broker ahead of the failed row (with a concurrency of 1 none was started).
                var failed = rows[sent];
                failed.DeliveryAttempts++;
                failed.LastError = Truncate(ex.GetType().Name + ": " + ex.Message, 2000);
                LogSendFailed(logger, failed.MessageId, failed.MessageType, ex);
            }
            finally
            {
                // Never leave a send running past the transaction that claimed its row.
                for (var i = sent + 1; i < started; i++)
                {
                    try
                    {
                        await sends[i];
                        MarkDelivered(rows[i]);
                        sent++;
                    }
                    catch (Exception)
                    {
                        // Still pending; retried next round.
                    }
                }

                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }

            return sent;
        });
    }

    private async Task Send(OutboxMessage row, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        var destination = new Uri(row.DestinationAddress);
        var endpoint = await bus.GetSendEndpoint(destination);
        await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(new StoredOutboxMessage(row), destination), timeout.Token);
    }

    private void MarkDelivered(OutboxMessage row)
    {
        row.DeliveredAt = clock.GetUtcNow();
        row.DeliveryAttempts++;
    }

    private static Task<List<OutboxMessage>> Claim(TDb db, DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        var set = db.Set<OutboxMessage>();
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = entity.GetSchemaQualifiedTableName()!;
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(store)!;

        // Only identifiers from the EF model and an integer are concatenated; the instant is a parameter.
#pragma warning disable EF1003
        if (db.Database.IsNpgsql())
        {
            // FOR UPDATE puts the row locking between the sort and the LIMIT, so PostgreSQL sorts every due row before
            // it takes the first batch. Locking and sorting only the sequence numbers, then reading the claimed rows by
            // key, keeps that sort narrow: with 5,000 rows waiting a claim took ~40 ms (a 9 MB on-disk sort of whole
            // rows), now ~8 ms (docs/benchmarks.md).
            var sequence = Column(nameof(OutboxMessage.SequenceNumber));
            return set.FromSqlRaw(
                    $"SELECT * FROM \"{table}\" WHERE \"{sequence}\" IN (SELECT \"{sequence}\" FROM \"{table}\" " +
                    $"WHERE \"{Column(nameof(OutboxMessage.DeliveredAt))}\" IS NULL AND \"{Column(nameof(OutboxMessage.DueTime))}\" <= {{0}} " +
                    $"ORDER BY \"{sequence}\" LIMIT {batch} FOR UPDATE SKIP LOCKED) ORDER BY \"{sequence}\"", now)
                .AsTracking().ToListAsync(cancellationToken);
        }

        if (db.Database.IsSqlServer())
        {
            return set.FromSqlRaw(
                    $"SELECT TOP({batch}) * FROM [{table}] WITH (UPDLOCK, READPAST, ROWLOCK) WHERE [{Column(nameof(OutboxMessage.DeliveredAt))}] IS NULL " +
                    $"AND [{Column(nameof(OutboxMessage.DueTime))}] <= {{0}} ORDER BY [{Column(nameof(OutboxMessage.SequenceNumber))}]", now)
                .AsTracking().ToListAsync(cancellationToken);
        }

#pragma warning restore EF1003

        // SQLite: the transaction is BEGIN IMMEDIATE, so this process is the only writer until it commits.
        return set.Where(x => x.DeliveredAt == null && x.DueTime <= now)
            .OrderBy(x => x.SequenceNumber).Take(batch).AsTracking().ToListAsync(cancellationToken);
    }

    private async Task CleanUp(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        var now = clock.GetUtcNow();
        var outboxCutoff = now - options.Value.OutboxRetention;
        var inboxCutoff = now - options.Value.InboxRetention;
        await db.Set<OutboxMessage>().Where(x => x.DeliveredAt != null && x.DeliveredAt < outboxCutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Inbox.InboxMessage>().Where(x => x.ReceivedAt < inboxCutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task MeasureBacklog(string service, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await OutboxBacklog.Measure(scope.ServiceProvider.GetRequiredService<TDb>(), service, clock.GetUtcNow(), cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox delivery round failed for {Context}")]
    private static partial void LogDeliveryFailed(ILogger logger, string context, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox message {MessageId} ({MessageType}) failed; it will be retried")]
    private static partial void LogSendFailed(ILogger logger, Guid messageId, string messageType, Exception exception);
}
