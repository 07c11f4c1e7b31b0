using System.Collections.Concurrent;
using MassTransit;
using Zgc.Messaging.TestHost.Contracts;

namespace Zgc.Messaging.TestHost;

/// <summary>
/// Records, per Ping key, when each Ping's send started ("pre N") and when the transport confirmed it ("post N").
/// Per-transaction order means the sequence alternates pre 0, post 0, pre 1, post 1, …: no send of a transaction
/// starts before the previous one was confirmed.
/// </summary>
public sealed class SendOrderRecorder : ISendObserver
{
    private readonly ConcurrentDictionary<Guid, List<string>> _events = new();

    public IReadOnlyList<string> For(Guid key)
    {
        if (!_events.TryGetValue(key, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public Task PreSend<T>(SendContext<T> context) where T : class => Record(context, "pre");

    public Task PostSend<T>(SendContext<T> context) where T : class => Record(context, "post");

    public Task SendFault<T>(SendContext<T> context, Exception exception) where T : class => Record(context, "fault");

    private Task Record<T>(SendContext<T> context, string stage) where T : class
    {
        // Only the outbox's deliveries matter: they are sent as raw bodies, so read the key from the stored message.
        if (context.SupportedMessageTypes.Any(t => t.Contains(nameof(Ping), StringComparison.Ordinal))
            && context.Serializer.GetMessageBody(context) is { } body
            && TryReadPing(body.GetString()) is { } ping)
        {
            var list = _events.GetOrAdd(ping.Key, _ => []);
            lock (list)
            {
                list.Add($"{stage} {ping.N}");
            }
        }

        return Task.CompletedTask;
    }

    private static Ping? TryReadPing(string envelope)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(envelope);
            var message = document.RootElement.GetProperty("message");
            return new Ping(message.GetProperty("key").GetGuid(), message.GetProperty("n").GetInt32());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
