using System.Diagnostics;
using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Bench.Programme.Scenarios.Scale;

/// <summary>One kind of query the console and operators send to the workflows service; <c>Path(n)</c> varies its argument.</summary>
public sealed record QueryKind(string Name, Func<int, string> Path);

/// <summary>Latencies of each query kind, in Stopwatch ticks, and the requests that did not answer 200.</summary>
public sealed record QueryTimings(IReadOnlyDictionary<string, List<long>> Ticks, IReadOnlyList<string> Failures);

/// <summary>
/// The read side of the operators' pages at scale: the lifecycle list as the console opens it (first page), a page deep in
/// the list (by number, and by the cursor a client following the next links holds there), the filters the list endpoint offers (state, sub-park, field, construction year, waiting longer than), the
/// per-state counts and the incidents overview of the dashboard, and one instance with its whole history.
/// </summary>
public static class ListQueries
{
    private static readonly string[] BusyStates = ["UnderConstruction", "ExpertReview", "AwaitingMeeting", "SubParkReview", "Completed", "Rejected"];

    /// <summary>
    /// The cursor that leads to the half-way page (the next-page cursor of the page before it), as a client walking the
    /// list by <c>Link: rel="next"</c> would hold it there; null when the list is too short to have one.
    /// </summary>
    public static async Task<string?> HalfWayCursor(HttpClient http, LoadedHistory loaded)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(loaded);
        var deepPage = DeepPage(loaded);
        if (deepPage < 2)
        {
            return null;
        }

        using var response = await http.GetAsync(new Uri(Invariant($"workflows/instances?page={deepPage - 1}&pageSize=50"), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("X-Next-Cursor", out var values) ? values.Single() : null;
    }

    public static IReadOnlyList<QueryKind> Kinds(LoadedHistory loaded, string? halfWayCursor)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var deepPage = DeepPage(loaded);
        var parks = SubPark.All;
        var fields = IndustryField.All;
        return
        [
            new("first page (console list)", _ => "workflows/instances"),
            new(Invariant($"page {deepPage} of 50 (half-way)"), _ => Invariant($"workflows/instances?page={deepPage}&pageSize=50")),
            .. (halfWayCursor is null ? Array.Empty<QueryKind>() :
                [new(Invariant($"page {deepPage} of 50 behind the page before (cursor)"), _ => $"workflows/instances?after={Uri.EscapeDataString(halfWayCursor)}&pageSize=50")]),
            new("filter: state", n => "workflows/instances?state=" + BusyStates[n % BusyStates.Length]),
            new("filter: sub-park", n => "workflows/instances?subPark=" + parks[n % parks.Count].Code),
            new("filter: field", n => "workflows/instances?field=" + fields[n % fields.Count].Code),
            new("filter: state + sub-park", n => $"workflows/instances?state=UnderConstruction&subPark={parks[n % parks.Count].Code}"),
            new("filter: construction year", n => Invariant($"workflows/instances?state=UnderConstruction&constructionYear={1 + n % 3}")),
            new("filter: waiting > 30 days", n => Invariant($"workflows/instances?waitingDays={30 + n % 60}")),
            new("counts per state", _ => "workflows/counts"),
            new("incidents (stalled instances)", _ => "workflows/incidents"),
            new("one instance with history", n => $"workflows/instances/{loaded.Ids[(int)((long)n * 7919 % loaded.Ids.Count)]}"),
        ];
    }

    /// <summary>
    /// <paramref name="total"/> queries spread evenly over the kinds, interleaved, by <paramref name="clients"/> clients at once
    /// (each sends its next query when the previous one answered).
    /// </summary>
    public static async Task<QueryTimings> Measure(HttpClient http, IReadOnlyList<QueryKind> kinds, int total, int clients, int seed)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(kinds);
        var ticks = kinds.ToDictionary(k => k.Name, _ => new List<long>(), StringComparer.Ordinal);
        var failures = new List<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < total)
            {
                var kind = kinds[n % kinds.Count];
                var path = kind.Path(seed + n / kinds.Count);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                // The body is part of the answer: read it all before stopping the clock.
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetTimestamp() - started;
                lock (ticks)
                {
                    ticks[kind.Name].Add(elapsed);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Add($"{path}: {(int)response.StatusCode}");
                    }
                }
            }
        }));
        return new QueryTimings(ticks, failures);
    }

    private static int DeepPage(LoadedHistory loaded) => Math.Max(1, loaded.Instances / 2 / 50);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
