using System.Diagnostics;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox.Transport;

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
    DirectPublisher direct,
    TimerSweepSignal<TDb> sweeps,
    OutboxCommitSignal<TDb> commits,
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

            // A full round: more rows are probably waiting, go again at once. Otherwise wait for the next commit that
            // wrote rows (OutboxCommitSignal; one during the round wakes it at once), or the poll interval for what no
            // commit of this process announces: other replicas' rows, timers falling due. After a partial round the busy
            // interval, when set, is a pause first (it caps the rate of small rounds on a host short of CPU).
            if (delivered < options.Value.OutboxBatchSize)
            {
                if (delivered > 0 && options.Value.OutboxBusyPollInterval > TimeSpan.Zero)
                {
                    await Delay(options.Value.OutboxBusyPollInterval, stoppingToken);
                }

                await commits.WaitAsync(options.Value.OutboxPollInterval, stoppingToken);
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
            db.Database.AutoSavepointsEnabled = false; // one SaveChanges, then commit: a savepoint would only add round trips
            var startedAt = Stopwatch.GetTimestamp();
            // While the service's consumers sweep due timers themselves, leave the timers to them (TimerSweepSignal).
            var rows = await Claim(db, clock.GetUtcNow(), options.Value.OutboxBatchSize, timers: !sweeps.Sweeping, cancellationToken);
            DeliveryRoundMetrics.Claimed(rows.Count);
            if (rows.Count == 0)
            {
                return 0; // the transaction ends with nothing written; the polling loop decides when to look again
            }

            DeliveryRoundMetrics.Phase("claim", startedAt);

            // A producing transaction's messages share one conversation (OutboxRows gives the API's a per-transaction
            // one; a consumer's carry the consumed message's), so each conversation is a lane: its rows are sent one
            // after the other in (due time, sequence) order, each waiting for the broker's confirm, which keeps the order
            // per producing transaction (its rows' due times never decrease, OutboxRows.Stamp; ADR 0003). Lanes run side
            // by side, up to OutboxSendConcurrency at once, so the confirms of unrelated messages overlap instead of
            // costing one broker round trip (and fsync) each. On RabbitMQ the whole round is published back to back on
            // one channel instead, in that same order, and confirmed together (DirectPublisher).
            var phaseAt = Stopwatch.GetTimestamp();
            var lanes = await WithoutBlockedLanes(db, rows.GroupBy(x => x.ConversationId).Select(g => g.ToList()).ToList(), cancellationToken);
            DeliveryRoundMetrics.Phase("lanes", phaseAt);
            var sent = 0;
            var outcome = new RoundOutcome();
            try
            {
                phaseAt = Stopwatch.GetTimestamp();
                if (direct.Enabled)
                {
                    sent = await DeliverDirectly(lanes, outcome, cancellationToken);
                }
                else
                {
                    await Parallel.ForEachAsync(lanes,
                        new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(options.Value.OutboxSendConcurrency, 1, MessagingOptions.MaxOutboxSendConcurrency), CancellationToken = cancellationToken },
                        async (lane, token) => Interlocked.Add(ref sent, await DeliverLane(lane, outcome, token)));
                }

                DeliveryRoundMetrics.Phase("send", phaseAt);
            }
            finally
            {
                phaseAt = Stopwatch.GetTimestamp();
                await outcome.Save(db, clock.GetUtcNow(), CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                DeliveryRoundMetrics.Phase("commit", phaseAt);
            }

            DeliveryRoundMetrics.Round(sent);
            return sent;
        });
    }

    /// <summary>
    /// Cuts each lane before the first due row of its conversation, in the claim's (due time, sequence) order, that this
    /// round did not claim: another replica holds it (or its transaction committed just now), or the claim passed over it
    /// (a timer behind the round's share, <see cref="Claim"/>). Sending what follows it would overtake it; the rest of the
    /// lane waits for a later round, and a lane cut before its first row is dropped. The test must compare in the claim's
    /// own order: in any other order a window full of lanes each "blocked" by a row the claim never reaches would stall
    /// delivery for ever.
    /// </summary>
    private async Task<List<List<OutboxMessage>>> WithoutBlockedLanes(TDb db, List<List<OutboxMessage>> lanes, CancellationToken cancellationToken)
    {
        if (lanes.Count == 0)
        {
            return lanes;
        }

        var latestDue = lanes.Max(l => l[^1].DueTime);
        var conversations = lanes.Select(l => l[0].ConversationId).Where(c => c != null).ToList();
        var withoutConversation = lanes.Any(l => l[0].ConversationId == null);
        var claimed = lanes.SelectMany(l => l).Select(r => r.SequenceNumber).ToHashSet();
        // Read off the partial index of pending rows by conversation (fix 29): each conversation's few rows up to the window's
        // last due time, instead of every pending row up to it (10,000 while overdue timers wait) filtered by conversation.
        var pending = await OutboxQueries.PendingInConversations.Run(db, latestDue, conversations, withoutConversation, cancellationToken);
        var firstUnclaimed = pending.Where(x => !claimed.Contains(x.SequenceNumber))
            .GroupBy(x => x.ConversationId ?? Guid.Empty)
            .ToDictionary(g => g.Key, g => g.MinBy(x => (x.DueTime, x.SequenceNumber))!);
        if (firstUnclaimed.Count == 0)
        {
            return lanes;
        }

        return lanes
            .Select(lane => firstUnclaimed.TryGetValue(lane[0].ConversationId ?? Guid.Empty, out var gap)
                ? lane.TakeWhile(r => ClaimOrder.Compare((gap.DueTime, gap.SequenceNumber), r) > 0).ToList()
                : lane)
            .Where(lane => lane.Count > 0)
            .ToList();
    }

    /// <summary>
    /// On RabbitMQ the whole round goes out on the outbox's own channel, back to back, and is confirmed together
    /// (ADR 0003, "Direct publish"); each lane keeps its order and stops at its first failure.
    /// </summary>
    private async Task<int> DeliverDirectly(List<List<OutboxMessage>> lanes, RoundOutcome outcome, CancellationToken cancellationToken)
    {
        var results = await direct.Send(lanes, SendThroughBus, cancellationToken);
        var sent = 0;
        for (var l = 0; l < lanes.Count; l++)
        {
            var (confirmed, failure) = results[l];
            for (var i = 0; i < confirmed; i++)
            {
                outcome.Delivered(lanes[l][i]);
            }

            if (failure is not null && confirmed < lanes[l].Count)
            {
                Failed(lanes[l][confirmed], failure, outcome);
            }

            sent += confirmed;
        }

        return sent;
    }

    /// <summary>Sends one conversation's rows in order through MassTransit; the first failure ends the lane (the rest wait for the next round).</summary>
    private async Task<int> DeliverLane(List<OutboxMessage> lane, RoundOutcome outcome, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var row in lane)
        {
            try
            {
                var stored = new StoredOutboxMessage(row);
                using var activity = OutboxTracing.StartDelivery(stored.Headers, row.MessageType, row.MessageId);
                await SendThroughBus(row, stored, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Failed(row, ex, outcome);
                break;
            }

            outcome.Delivered(row);
            sent++;
        }

        DeliveryRoundMetrics.Delivered(sent, direct: false);
        return sent;
    }

    private void Failed(OutboxMessage row, Exception ex, RoundOutcome outcome)
    {
        outcome.Failed(row, Truncate(ex.GetType().Name + ": " + ex.Message, 2000));
        LogSendFailed(logger, row.MessageId, row.MessageType, ex);
    }

    /// <summary>One row through MassTransit's send pipeline, each waiting for the transport (the broker's confirm).</summary>
    private async Task SendThroughBus(OutboxMessage row, StoredOutboxMessage stored, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        var destination = new Uri(row.DestinationAddress);
        var endpoint = await bus.GetSendEndpoint(destination);
        await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(stored, destination), timeout.Token);
    }

    /// <summary>
    /// Claims a round's rows: the first <paramref name="batch"/> due rows in (due time, sequence) order and, besides them,
    /// the first <paramref name="batch"/> due messages that are not timers. Without the second part a backlog of overdue
    /// timers (10,000 notices closing at one instant) holds back everything the services publish meanwhile — the results
    /// of those very timers among it — until the last timer has been sent, as every new message is due later than the
    /// overdue ones (docs/performance.md, fix 21). With it, a round shares itself between the two. Order per conversation
    /// is kept by the lanes: a lane stops before any row of its conversation that this round did not claim.
    /// Without <paramref name="timers"/> (the service's consumers are sweeping them, <see cref="TimerSweepSignal{TDb}"/>) only
    /// the second part is claimed. SQL Server claims by due order alone (untested here without a server; nothing sweeps there).
    /// </summary>
    private static Task<List<OutboxMessage>> Claim(TDb db, DateTimeOffset now, int batch, bool timers, CancellationToken cancellationToken)
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
            // Ordered exactly as the (delivered, due, sequence) index, so PostgreSQL walks it and stops after the batch.
            // The delivered column leads the ORDER BY although it is NULL in every claimed row: the planner does not take
            // IS NULL as an equality, and without it sorts every due row first (8 ms with 10,000 due; by sequence alone,
            // the primary key walked past every delivered row still kept: 22 ms with 50,000; this: 0.5 ms; measured in
            // psql, docs/performance.md, fix 15). The claimed rows are then read by key.
            // The second walk keeps only messages that are not timers (see the method's summary) and reads the partial index
            // of pending messages in its (due, sequence) order, so it no longer passes over overdue timers (fix 29). The walks are
            // CTEs joined by one IN: "IN (walk) OR IN (walk)" made the planner scan the whole table (21 ms a claim with
            // ~30,000 rows kept, zgc.outbox.round.duration).
            var sequence = Column(nameof(OutboxMessage.SequenceNumber));
            var due = Column(nameof(OutboxMessage.DueTime));
            var delivered = Column(nameof(OutboxMessage.DeliveredAt));
            var token = Column(nameof(OutboxMessage.ScheduleTokenId));
            string Walk(string filter, string order) =>
                $"SELECT \"{sequence}\" FROM \"{table}\" WHERE \"{delivered}\" IS NULL AND \"{due}\" <= {{0}}{filter} " +
                $"ORDER BY {order} LIMIT {batch} FOR UPDATE SKIP LOCKED";
            var messagesWalk = Walk($" AND \"{token}\" IS NULL", $"\"{due}\", \"{sequence}\"");
            var walks = timers
                ? $"WITH first_due AS ({Walk("", $"\"{delivered}\", \"{due}\", \"{sequence}\"")}), messages AS ({messagesWalk}) " +
                  $"SELECT * FROM \"{table}\" WHERE \"{sequence}\" IN (SELECT \"{sequence}\" FROM first_due UNION SELECT \"{sequence}\" FROM messages) "
                : $"WITH messages AS ({messagesWalk}) " +
                  $"SELECT * FROM \"{table}\" WHERE \"{sequence}\" IN (SELECT \"{sequence}\" FROM messages) ";
            // Npgsql writes timestamptz from UTC offsets only; a raw parameter skips EF's conversion, and a clock may carry Beijing's.
            return set.FromSqlRaw(walks + $"ORDER BY \"{due}\", \"{sequence}\"", now.ToUniversalTime())
                .AsNoTracking().ToListAsync(cancellationToken);
        }

        if (db.Database.IsSqlServer())
        {
            return set.FromSqlRaw(
                    $"SELECT TOP({batch}) * FROM [{table}] WITH (UPDLOCK, READPAST, ROWLOCK) WHERE [{Column(nameof(OutboxMessage.DeliveredAt))}] IS NULL " +
                    $"AND [{Column(nameof(OutboxMessage.DueTime))}] <= {{0}} ORDER BY [{Column(nameof(OutboxMessage.DueTime))}], [{Column(nameof(OutboxMessage.SequenceNumber))}]", now)
                .AsNoTracking().ToListAsync(cancellationToken);
        }

#pragma warning restore EF1003

        // SQLite: the transaction is BEGIN IMMEDIATE, so this process is the only writer until it commits.
        return ClaimOnSqlite(db, now, batch, timers, cancellationToken);
    }

    private static async Task<List<OutboxMessage>> ClaimOnSqlite(TDb db, DateTimeOffset now, int batch, bool timers, CancellationToken cancellationToken)
    {
        List<OutboxMessage> first = timers ? await OutboxQueries.FirstDue.Run(db, now, batch, cancellationToken) : [];
        var messages = await OutboxQueries.FirstDueMessages.Run(db, now, batch, cancellationToken);
        // A message may be in both walks: keep one of each.
        return [.. first.Concat(messages).DistinctBy(x => x.SequenceNumber).OrderBy(x => x.DueTime).ThenBy(x => x.SequenceNumber)];
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
