using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Zgc.Messaging.Outbox.Transport;

/// <summary>
/// The outbox's own RabbitMQ connection for direct publishing, its pooled confirm channels, and which destinations
/// MassTransit has declared since it connected (a new connection or a failed channel forgets them, so they are declared
/// through the bus again before the next direct publish).
/// </summary>
internal sealed partial class DirectConnection(Func<string> brokerUri, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentBag<IChannel> _channels = [];
    private IConnection? _connection;
    private ConcurrentDictionary<string, bool> _declared = new(StringComparer.Ordinal);

    /// <summary>The virtual host of the broker address (known once connected).</summary>
    public string VirtualHost { get; private set; } = "/";

    public bool IsDeclared(string destination) => _declared.ContainsKey(destination);

    /// <summary>Notes that MassTransit declared <paramref name="destination"/>'s topology on the broker this connection reaches.</summary>
    public async Task RememberDeclared(string destination, CancellationToken cancellationToken)
    {
        // Remembered against the connection the direct publishes will use, so a reconnect starts from the bus again.
        await Open(cancellationToken);
        _declared[destination] = true;
    }

    public async Task<IChannel> RentChannel(CancellationToken cancellationToken)
    {
        while (_channels.TryTake(out var channel))
        {
            if (channel.IsOpen)
            {
                return channel;
            }

            await channel.DisposeAsync();
        }

        var connection = await Open(cancellationToken);
        // No client-side limit on outstanding confirms: a lane is at most two claim batches long.
        return await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null), cancellationToken);
    }

    public async Task ReturnChannel(IChannel channel, bool healthy)
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
            LogCloseFailed(logger, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await Close(_connection);
            _connection = null;
        }

        _connecting.Dispose();
    }

    private async Task<IConnection> Open(CancellationToken cancellationToken)
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
                await Close(_connection);
            }

            // No automatic recovery: a lane that loses its connection fails, its rows stay due, and the next round
            // connects afresh (and declares through the bus again) — the outbox is the retry.
            var factory = new ConnectionFactory
            {
                Uri = new Uri(brokerUri()),
                ClientProvidedName = $"zgc-outbox-{AppDomain.CurrentDomain.FriendlyName}",
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
            };
            VirtualHost = factory.VirtualHost;
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task Close(IConnection connection)
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
            LogCloseFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing an outbox publishing channel or connection failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);
}
