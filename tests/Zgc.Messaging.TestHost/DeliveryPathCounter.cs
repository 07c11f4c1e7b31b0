using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Zgc.Messaging.TestHost;

/// <summary>
/// Sums the platform's <c>zgc.outbox.delivered</c> counter by its <c>path</c> tag (direct: the outbox's own RabbitMQ
/// channel; bus: MassTransit's send), so a test can see which way the outbox delivered.
/// </summary>
public sealed class DeliveryPathCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _byPath = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public DeliveryPathCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Zgc.Messaging" && instrument.Name == "zgc.outbox.delivered")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "path" && tag.Value is string path)
                {
                    _byPath.AddOrUpdate(path, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.Start();
    }

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byPath);

    public void Dispose() => _listener.Dispose();
}
