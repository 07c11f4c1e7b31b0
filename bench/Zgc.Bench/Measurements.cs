using System.Diagnostics;
using System.Globalization;

namespace Zgc.Bench;

/// <summary>One measured figure: a scenario variant, its throughput and (where measured) latency percentiles.</summary>
public sealed record BenchResult(
    string Key,
    string Scenario,
    string Variant,
    int Count,
    TimeSpan Elapsed,
    LatencySummary? Latency,
    string? Note = null)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>CPU time of this process (all threads) per message or event, in microseconds; the broker and database are not included.</summary>
    public double? CpuMicrosecondsPerItem { get; init; }
}

/// <summary>CPU time this process used between <see cref="Start"/> and <see cref="PerItem"/>.</summary>
public readonly struct CpuMeter
{
    private readonly TimeSpan _start;

    private CpuMeter(TimeSpan start) => _start = start;

    public static CpuMeter Start() => new(Environment.CpuUsage.TotalTime);

    public double PerItem(int count) => (Environment.CpuUsage.TotalTime - _start).TotalMicroseconds / count;
}

/// <summary>Latency percentiles in milliseconds (nearest rank).</summary>
public sealed record LatencySummary(double P50, double P95, double P99, double Max)
{
    public static LatencySummary FromTicks(ReadOnlySpan<long> stopwatchTicks)
    {
        var ms = new double[stopwatchTicks.Length];
        for (var i = 0; i < ms.Length; i++)
        {
            ms[i] = stopwatchTicks[i] * 1000.0 / Stopwatch.Frequency;
        }

        Array.Sort(ms);
        return new LatencySummary(Percentile(ms, 0.50), Percentile(ms, 0.95), Percentile(ms, 0.99), ms.Length == 0 ? double.NaN : ms[^1]);
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms");
}

/// <summary>
/// Counts arrivals of one measured run: which sequence numbers arrived, when (Stopwatch ticks), and completes
/// when all of them have. A duplicate delivery of a sequence number is counted separately and not timed again.
/// </summary>
public sealed class ArrivalProbe
{
    private readonly long[] _arrived;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private int _duplicates;

    public ArrivalProbe(int run, int expected)
    {
        Run = run;
        _arrived = new long[expected];
    }

    public int Run { get; }

    public int Expected => _arrived.Length;

    public int Count => Volatile.Read(ref _count);

    public int Duplicates => Volatile.Read(ref _duplicates);

    public long LastArrival { get; private set; }

    public Task Done => _done.Task;

    public void Arrived(int run, int sequence, long timestamp)
    {
        if (run != Run || (uint)sequence >= (uint)_arrived.Length)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _arrived[sequence], timestamp, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        if (Interlocked.Increment(ref _count) == _arrived.Length)
        {
            LastArrival = timestamp;
            _done.TrySetResult();
        }
    }

    public long ArrivalOf(int sequence) => Volatile.Read(ref _arrived[sequence]);

    /// <summary>Waits for every arrival, printing progress once a second; throws when <paramref name="timeout"/> passes.</summary>
    public async Task WaitAll(string label, TimeSpan timeout, Func<string>? extra = null)
    {
        var started = Stopwatch.StartNew();
        while (!Done.IsCompleted)
        {
            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"{label}: {Count}/{Expected} arrived after {timeout.TotalSeconds:0} s.");
            }

            await Task.WhenAny(Done, Task.Delay(TimeSpan.FromSeconds(1)));
            if (!Done.IsCompleted)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {label}: {Count}/{Expected} received{(extra is null ? "" : ", " + extra())} ({started.Elapsed.TotalSeconds:0} s)"));
            }
        }
    }
}
