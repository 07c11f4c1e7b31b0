using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Zgc.Messaging.Outbox.Transport;

/// <summary>
/// Publishes a delivery round's outbox rows to RabbitMQ on a channel of its own, back to back in the round's order, and
/// then waits for their publisher confirms together — instead of one MassTransit send per row, each waiting for its own
/// confirm before the next of its conversation may start (ADR 0003, "Direct publish"). RabbitMQ keeps the order of one
/// channel's publishes, so each conversation's order on the wire is its order in the outbox; only the broker round trips
/// overlap.
/// <para>
/// MassTransit still owns the topology: the first row for each destination (per connection) goes through the bus, which
/// declares the exchanges, queues and bindings as it always does; later rows for it are published directly. Rows
/// <see cref="DirectPublication"/> cannot map go through the bus too. The in-memory transport always uses the bus.
/// </para>
/// </summary>
internal sealed class DirectPublisher(IOptions<MessagingOptions> options, TimeProvider clock, ILogger<DirectPublisher> logger) : IAsyncDisposable
{
    /// <summary>The outcome of a row not sent because an earlier row of its conversation failed in the same round.</summary>
    private static readonly Exception LaneStopped = new InvalidOperationException("An earlier message of its conversation failed in this round.");

    private readonly DirectConnection _broker = new(() => options.Value.RabbitMq, logger);

    /// <summary>Whether lanes go through this publisher (RabbitMQ transport and <see cref="MessagingOptions.OutboxDirectPublish"/>).</summary>
    public bool Enabled => options.Value.Transport == MessagingTransport.RabbitMq && options.Value.OutboxDirectPublish;

    /// <summary>
    /// Publishes a delivery round — every lane's rows, in the round's (due time, sequence) order — back to back on one
    /// channel, waits for the confirms, and returns for each lane how many of its leading rows the broker confirmed, with
    /// the failure that stopped it (null when all were). A row confirmed behind a failed one of its own lane is not
    /// counted: it is sent again later behind that one (the consumers' inbox absorbs the copy). A channel that closes
    /// fails everything after the failure, so nothing overtakes; only a broker nacking one message while accepting later
    /// ones of its conversation lets those arrive first (ADR 0003). Lanes do not wait for one another: one channel
    /// carries them all, and unrelated conversations' rows share the broker round trips.
    /// </summary>
    /// <param name="lanes">The round's lanes, each one conversation's rows in order.</param>
    /// <param name="viaBus">Sends one row through MassTransit (declaring its destination's topology on the way).</param>
    /// <param name="cancellationToken">Stops the round.</param>
    public async Task<LaneResult[]> Send(IReadOnlyList<IReadOnlyList<OutboxMessage>> lanes,
        Func<OutboxMessage, StoredOutboxMessage, CancellationToken, Task> viaBus, CancellationToken cancellationToken)
    {
        var order = lanes.SelectMany((lane, index) => lane.Select(row => (Row: row, Lane: index)))
            .OrderBy(x => x.Row.DueTime).ThenBy(x => x.Row.SequenceNumber).ToList();
        var outcome = new Exception?[order.Count]; // null: confirmed
        var settled = new bool[order.Count];
        var pending = new List<(int Index, Task Publish)>(order.Count);
        var laneFailed = new bool[lanes.Count];
        var throughBus = 0;
        IChannel? channel = null;
        var healthy = true;
        try
        {
            for (var i = 0; i < order.Count; i++)
            {
                var row = order[i].Row;
                if (laneFailed[order[i].Lane])
                {
                    // Its conversation already failed this round (known when the bus last settled the channel): it waits.
                    outcome[i] = LaneStopped;
                    settled[i] = true;
                    continue;
                }

                var stored = new StoredOutboxMessage(row);
                using var activity = OutboxTracing.StartDelivery(stored.Headers, row.MessageType, row.MessageId);
                var publication = _broker.IsDeclared(row.DestinationAddress)
                    ? DirectPublication.TryCreate(row, stored, _broker.VirtualHost, activity?.Id ?? OutboxTracing.StoredParent(stored.Headers), clock.GetUtcNow())
                    : null;
                if (publication is null)
                {
                    // The bus must not overtake (or be overtaken by) what is already on the channel: settle that first.
                    healthy &= await Settle(pending, outcome, settled, cancellationToken);
                    foreach (var (index, _) in pending.Where(p => outcome[p.Index] is not null))
                    {
                        laneFailed[order[index].Lane] = true;
                    }

                    pending.Clear();
                    if (laneFailed[order[i].Lane])
                    {
                        outcome[i] = LaneStopped;
                        settled[i] = true;
                        continue;
                    }

                    try
                    {
                        await viaBus(row, stored, cancellationToken);
                        throughBus++;
                        await _broker.RememberDeclared(row.DestinationAddress, cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        outcome[i] = ex;
                        laneFailed[order[i].Lane] = true;
                    }

                    settled[i] = true;
                    continue;
                }

                channel ??= await _broker.RentChannel(cancellationToken);
                pending.Add((i, channel.BasicPublishAsync(publication.Exchange, publication.RoutingKey, publication.Mandatory, publication.Properties,
                    publication.Body, cancellationToken).AsTask()));
            }

            healthy &= await Settle(pending, outcome, settled, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connecting or opening a channel failed: whatever was not settled is not delivered.
            healthy = false;
            Observe(pending.Select(p => p.Publish));
            for (var i = 0; i < order.Count; i++)
            {
                if (!settled[i])
                {
                    outcome[i] = ex;
                }
            }
        }
        finally
        {
            if (channel is not null)
            {
                await _broker.ReturnChannel(channel, healthy);
            }
        }

        var results = lanes.Select(_ => new LaneResult(0, null)).ToArray();
        var stopped = new bool[lanes.Count];
        foreach (var (entry, index) in order.Select((entry, index) => (entry, index)))
        {
            if (stopped[entry.Lane])
            {
                continue;
            }

            if (outcome[index] is { } failure)
            {
                stopped[entry.Lane] = true;
                results[entry.Lane] = results[entry.Lane] with { Failure = failure };
                continue;
            }

            results[entry.Lane] = results[entry.Lane] with { Confirmed = results[entry.Lane].Confirmed + 1 };
        }

        var confirmed = results.Sum(r => r.Confirmed);
        DeliveryRoundMetrics.Delivered(Math.Min(throughBus, confirmed), direct: false);
        DeliveryRoundMetrics.Delivered(confirmed - Math.Min(throughBus, confirmed), direct: true);
        return results;
    }

    /// <summary>
    /// Waits for the publishes' confirms (together, within <see cref="MessagingOptions.SendTimeout"/>) and records each
    /// one's outcome. Returns false when the channel should not be used again (a failure or a timeout).
    /// </summary>
    private async Task<bool> Settle(List<(int Index, Task Publish)> pending, Exception?[] outcome, bool[] settled, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        var healthy = true;
        foreach (var (index, publish) in pending)
        {
            try
            {
                await publish.WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome[index] = ex is OperationCanceledException ? new TimeoutException($"No publisher confirm within {options.Value.SendTimeout}.", ex) : ex;
                healthy = false;
                Observe([publish]);
            }

            settled[index] = true;
        }

        return healthy;
    }

    /// <summary>Observes publishes no longer waited for, so their faults are not reported as unobserved (their rows go again).</summary>
    private static void Observe(IEnumerable<Task> publishes)
    {
        foreach (var publish in publishes)
        {
            _ = publish.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}

/// <summary>How many of a lane's leading rows were confirmed, and what stopped the rest (null: nothing did).</summary>
internal sealed record LaneResult(int Confirmed, Exception? Failure);
