using System.Collections.Concurrent;

namespace Zgc.Messaging.TestHost;

/// <summary>How many <see cref="Contracts.Linger"/> messages each key had handled, and the most handled at one time.</summary>
public sealed class LingerGauge
{
    private readonly ConcurrentDictionary<Guid, Counts> _byKey = new();

    public IDisposable Enter(Guid key)
    {
        var counts = _byKey.GetOrAdd(key, _ => new Counts());
        lock (counts)
        {
            counts.Now++;
            counts.Most = Math.Max(counts.Most, counts.Now);
        }

        return new Exit(counts);
    }

    public LingerView For(Guid key)
    {
        var counts = _byKey.GetOrAdd(key, _ => new Counts());
        lock (counts)
        {
            return new LingerView(counts.Handled, counts.Most);
        }
    }

    private sealed class Counts
    {
        public int Now { get; set; }

        public int Most { get; set; }

        public int Handled { get; set; }
    }

    private sealed class Exit(Counts counts) : IDisposable
    {
        public void Dispose()
        {
            lock (counts)
            {
                counts.Now--;
                counts.Handled++;
            }
        }
    }
}

public sealed record LingerView(int Handled, int MostAtOnce);
