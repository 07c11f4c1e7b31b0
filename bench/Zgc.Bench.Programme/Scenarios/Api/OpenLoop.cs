using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Zgc.Bench.Programme.Scenarios.Api;

/// <summary>
/// Open-loop arrivals: request i is due at i / rate seconds whatever the earlier ones are doing, so a slow service shows
/// as queueing in the latency (measured from the due time, not the send) instead of quietly lowering the rate.
/// </summary>
internal static class OpenLoop
{
    public static async Task<LoadResult> Run(IReadOnlyList<ApiEndpoint> endpoints, int rate, int seconds, int seed)
    {
        var total = rate * seconds;
        var result = new LoadResult(endpoints, rate, total);
        var weights = endpoints.Sum(e => e.Weight);
        var random = new Random(seed);
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)((double)i * Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var endpoint = Choose(endpoints, random.Next(weights));
            var own = new Random(random.Next());
            var slot = i;
            tasks[i] = Task.Run(() => result.Measure(slot, endpoint, due, own));
        }

        await Task.WhenAll(tasks);
        result.Elapsed = Stopwatch.GetElapsedTime(start);
        return result;
    }

    private static int Choose(IReadOnlyList<ApiEndpoint> endpoints, int ticket)
    {
        for (var e = 0; e < endpoints.Count; e++)
        {
            ticket -= endpoints[e].Weight;
            if (ticket < 0)
            {
                return e;
            }
        }

        return endpoints.Count - 1;
    }
}

/// <summary>Every arrival of one open-loop run: its endpoint, its latency from the due time, and how it ended.</summary>
internal sealed class LoadResult(IReadOnlyList<ApiEndpoint> endpoints, int rate, int offered)
{
    private const int ErrorSamplesKept = 5;

    private readonly int[] _endpoint = new int[offered];
    private readonly long[] _ticks = new long[offered];
    private readonly Outcome[] _outcome = new Outcome[offered];
    private readonly ConcurrentQueue<string> _errorSamples = new();

    private enum Outcome : byte { Ok, Error, Skipped }

    public IReadOnlyList<ApiEndpoint> Endpoints => endpoints;

    public int Rate => rate;

    public int Offered => offered;

    public TimeSpan Elapsed { get; set; }

    public int Skipped => _outcome.Count(o => o == Outcome.Skipped);

    /// <summary>Requests answered (successfully or not) per second of the run.</summary>
    public double Achieved => (offered - Skipped) / Elapsed.TotalSeconds;

    public IEnumerable<string> ErrorSamples => _errorSamples;

    public async Task Measure(int slot, int endpoint, long due, Random random)
    {
        _endpoint[slot] = endpoint;
        try
        {
            var call = endpoints[endpoint].Call(random);
            if (call is null)
            {
                _outcome[slot] = Outcome.Skipped;
                return;
            }

            // HttpClient buffers the whole body before the task completes: the latency includes reading the answer.
            using var response = await call;
            _ticks[slot] = Stopwatch.GetTimestamp() - due;
            if (!response.IsSuccessStatusCode)
            {
                _outcome[slot] = Outcome.Error;
                if (_errorSamples.Count < ErrorSamplesKept)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    _errorSamples.Enqueue(string.Create(CultureInfo.InvariantCulture,
                        $"{endpoints[endpoint].Name} → {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}"));
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            _ticks[slot] = Stopwatch.GetTimestamp() - due;
            _outcome[slot] = Outcome.Error;
            if (_errorSamples.Count < ErrorSamplesKept)
            {
                _errorSamples.Enqueue($"{endpoints[endpoint].Name} → {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>The latency of the arrivals (errors included: their wait was real) whose endpoint matches.</summary>
    public LatencySummary Latency(Func<ApiEndpoint, bool> which) => LatencySummary.FromTicks([.. Measured(which).Select(i => _ticks[i])]);

    public int Count(Func<ApiEndpoint, bool> which) => Measured(which).Count();

    public int Errors(Func<ApiEndpoint, bool> which) => Measured(which).Count(i => _outcome[i] == Outcome.Error);

    /// <summary>
    /// Second by second of due time, "p50/max" in ms: a queue that builds shows when it started, which tells a stall of the
    /// host or of a background task (autovacuum, a GC, the JIT's first minute) from a rate above capacity.
    /// </summary>
    public string Timeline()
    {
        var seconds = (offered + rate - 1) / rate;
        return string.Join(", ", Enumerable.Range(0, seconds).Select(second =>
        {
            var inSecond = Enumerable.Range(second * rate, Math.Min(rate, offered - (second * rate)))
                .Where(i => _outcome[i] != Outcome.Skipped).Select(i => _ticks[i]).ToArray();
            if (inSecond.Length == 0)
            {
                return "–";
            }

            var latency = LatencySummary.FromTicks(inSecond);
            return string.Create(CultureInfo.InvariantCulture, $"{latency.P50:0}/{latency.Max:0}");
        }));
    }

    private IEnumerable<int> Measured(Func<ApiEndpoint, bool> which) =>
        Enumerable.Range(0, offered).Where(i => _outcome[i] != Outcome.Skipped && which(endpoints[_endpoint[i]]));
}
