using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Zgc.Messaging.Outbox.Transport;

/// <summary>
/// Publishes a lane of outbox rows (one conversation's, in order) to RabbitMQ on a channel of its own, back to back, and
/// then waits for their publisher confirms together — instead of one MassTransit send per row, each waiting for its own
/// confirm before the next may start (ADR 0003, "Direct publish"). RabbitMQ keeps the order of one channel's publishes,
/// so the lane's order on the wire is its order in the outbox; only the broker round trips overlap.
/// <para>
/// MassTransit still owns the topology: the first row for each destination (per connection) goes through the bus, which
/// declares the exchanges, queues and bindings as it always does; later rows for it are published directly. Rows
/// <see cref="DirectPublication"/> cannot map go through the bus too. The in-memory transport always uses the bus.
/// </para>
/// </summary>
internal sealed partial class DirectPublisher(IOptions<MessagingOptions> options, TimeProvider clock, ILogger<DirectPublisher> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentBag<IChannel> _channels = [];
    private IConnection? _connection;
    private ConcurrentDictionary<string, bool> _declared = new(StringComparer.Ordinal);
    private string _virtualHost = "/";

    /// <summary>Whether lanes go through this publisher (RabbitMQ transport and <see cref="MessagingOptions.OutboxDirectPublish"/>).</summary>
    public bool Enabled => options.Value.Transport == MessagingTransport.RabbitMq && options.Value.OutboxDirectPublish;

    /// <summary>
    /// Sends <paramref name="lane"/> in order and returns how many of its leading rows the broker confirmed, with the
    /// failure that stopped it (null when all were). Rows after a failed one are not counted even if confirmed: they are
    /// sent again in a later round behind it (the consumers' inbox absorbs the copy), so the order is never broken.
    /// </summary>
    /// <param name="lane">One conversation's rows in (due time, sequence) order.</param>
    /// <param name="viaBus">Sends one row through MassTransit (declaring its destination's topology on the way).</param>
    /// <param name="cancellationToken">Stops the lane.</param>
    public async Task<(int Confirmed, Exception? Failure)> Send(IReadOnlyList<OutboxMessage> lane,
        Func<OutboxMessage, CancellationToken, Task> viaBus, CancellationToken cancellationToken)
    {
        var pending = new List<Task>(lane.Count);
        var confirmed = 0;
        var throughBus = 0;
        IChannel? channel = null;
        var healthy = true;
        try
        {
            for (var i = 0; i < lane.Count; i++)
            {
                var row = lane[i];
                var stored = new StoredOutboxMessage(row);
                using var activity = OutboxTracing.StartDelivery(stored.Headers, row.MessageType, row.MessageId);
                var publication = _declared.ContainsKey(row.DestinationAddress)
                    ? DirectPublication.TryCreate(row, stored, _virtualHost, activity?.Id ?? OutboxTracing.StoredParent(stored.Headers), clock.GetUtcNow())
                    : null;
                if (publication is null)
                {
                    // The bus must not overtake (or be overtaken by) what this lane already published: settle those first.
                    var settled = await Settle(pending, confirmed, cancellationToken);
                    confirmed = settled.Confirmed;
                    if (settled.Failure is not null)
                    {
                        healthy = false;
                        return (confirmed, settled.Failure);
                    }

                    pending.Clear();
                    await viaBus(row, cancellationToken);
                    confirmed++;
                    throughBus++;
                    await RememberDeclared(row.DestinationAddress, cancellationToken);
                    continue;
                }

                channel ??= await RentChannel(cancellationToken);
                pending.Add(channel.BasicPublishAsync(publication.Exchange, publication.RoutingKey, publication.Mandatory, publication.Properties,
                    publication.Body, cancellationToken).AsTask());
            }

            var result = await Settle(pending, confirmed, cancellationToken);
            confirmed = result.Confirmed;
            healthy = result.Failure is null;
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            healthy = false;
            Observe(pending);
            return (confirmed, ex);
        }
        finally
        {
            DeliveryRoundMetrics.Delivered(throughBus, direct: false);
            DeliveryRoundMetrics.Delivered(confirmed - throughBus, direct: true);
            if (channel is not null)
            {
                await ReturnChannel(channel, healthy);
            }
        }
    }

    /// <summary>Waits for the publishes' confirms in order: the leading confirmed ones count, the first failure stops.</summary>
    private async Task<(int Confirmed, Exception? Failure)> Settle(List<Task> pending, int confirmed, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return (confirmed, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        for (var i = 0; i < pending.Count; i++)
        {
            try
            {
                await pending[i].WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Observe(pending.Skip(i + 1));
                return (confirmed, ex is OperationCanceledException ? new TimeoutException($"No publisher confirm within {options.Value.SendTimeout}.", ex) : ex);
            }

            confirmed++;
        }

        return (confirmed, null);
    }

    /// <summary>Observes publishes no longer waited for, so their faults are not reported as unobserved (their rows go again).</summary>
    private static void Observe(IEnumerable<Task> publishes)
    {
        foreach (var publish in publishes)
        {
            _ = publish.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private async Task RememberDeclared(string destination, CancellationToken cancellationToken)
    {
        // Remembered against the connection the direct publishes will use, so a reconnect starts from the bus again.
        await Connection(cancellationToken);
        _declared[destination] = true;
    }

    private async Task<IChannel> RentChannel(CancellationToken cancellationToken)
    {
        while (_channels.TryTake(out var channel))
        {
            if (channel.IsOpen)
            {
                return channel;
            }

            await channel.DisposeAsync();
        }

        var connection = await Connection(cancellationToken);
        // No client-side limit on outstanding confirms: a lane is at most two claim batches long.
        return await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null), cancellationToken);
    }

    private async Task ReturnChannel(IChannel channel, bool healthy)
    {
        if (healthy && channel.IsOpen)
        {
            _channels.Add(channel);
            return;
        }

        // A channel that failed (a 404 for a vanished exchange closes it, a timeout leaves it unknown) is not reused, and
        // destinations are declared through the bus again before the next direct publish.
        _declared = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception ex)
        {
            LogChannelCloseFailed(logger, ex);
        }
    }

    private async Task<IConnection> Connection(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true } current)
            {
                return current;
            }

            if (_connection is not null)
            {
                _declared = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
                await DisposeConnection(_connection);
            }

            // No automatic recovery: a lane that loses its connection fails, its rows stay due, and the next round
            // connects afresh (and declares through the bus again) — the outbox is the retry.
            var factory = new ConnectionFactory
            {
                Uri = new Uri(options.Value.RabbitMq),
                ClientProvidedName = $"zgc-outbox-{AppDomain.CurrentDomain.FriendlyName}",
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
            };
            _virtualHost = factory.VirtualHost;
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task DisposeConnection(IConnection connection)
    {
        while (_channels.TryTake(out var channel))
        {
            await channel.DisposeAsync();
        }

        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception ex)
        {
            LogChannelCloseFailed(logger, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await DisposeConnection(_connection);
            _connection = null;
        }

        _connecting.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing an outbox publishing channel or connection failed")]
    private static partial void LogChannelCloseFailed(ILogger logger, Exception exception);
}
