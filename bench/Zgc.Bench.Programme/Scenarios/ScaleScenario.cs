using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Zgc.Bench.Programme.Compositions;
using Zgc.Bench.Programme.Reporting;
using Zgc.Bench.Programme.Scenarios.Scale;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Bench.Programme.Scenarios;

/// <summary>
/// Issue 13, scale: the workflows service holding years of the programme — 100,000 lifecycle instances with their history.
/// The service migrates its own PostgreSQL database, the instances are bulk-loaded into its tables (the saga's rows as the
/// EF model maps them), then the service is restarted so its memory is that of a process serving that size, and the
/// operators' list queries are timed one client at a time and several at once. Targets: list queries p99 &lt; 100 ms, the
/// process under 300 MB resident.
/// </summary>
public static class ScaleScenario
{
    public const string Name = "scale";

    private const double LatencyTargetMs = 100;
    private const double MemoryTargetMb = 300;
    private const int ConcurrentClients = 4;

    public static async Task Run(ProgrammeRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var size = run.Options.Count("--scale", full: 100_000, quick: 5_000);
        var lists = run.Options.Count("--scale-lists", full: 300, quick: 60);
        var database = RealInfrastructure.PostgresDatabase(run.Databases(Name) + "_workflows");
        var settings = Composition.CommonSettings(ProgrammeRun.ProgrammeStart, DateTimeOffset.UtcNow);
        settings["Database__Provider"] = "Postgres";
        settings["Database__ConnectionString"] = database;
        settings["Messaging__Transport"] = "InMemory";
        foreach (var (key, value) in run.Options.Settings)
        {
            settings[key] = value;
        }

        LoadedHistory loaded;
        await using (var first = await ServiceProcess.Start("workflows", "Zgc.Workflows", settings, TimeSpan.FromSeconds(120)))
        {
            Console.WriteLine($"  loading {size:N0} instances with their history into {first.Name}'s database …");
            loaded = await BulkLoad.Run(database, size, ProgrammeRun.ProgrammeStart);
            using var check = StandaloneTokens.Client(first.BaseAddress, Roles.CommitteeOfficer);
            await CheckReadable(check, loaded);
        }

        var variant = string.Create(CultureInfo.InvariantCulture, $"{size:N0} instances");
        run.Report.Add(new Figure(Name, variant, "bulk load (binary COPY)", loaded.Elapsed.TotalSeconds, "s")
        {
            Note = string.Create(CultureInfo.InvariantCulture,
                $"{loaded.Transitions:N0} history rows ({(double)loaded.Transitions / loaded.Instances:0.0} per instance), " +
                $"{(loaded.Instances + loaded.Transitions) / loaded.Elapsed.TotalSeconds:N0} rows/s, VACUUM (ANALYZE) included"),
        });

        // Restarted, so the memory measured is that of a process serving this size, not of the one that watched it load.
        await using var service = await ServiceProcess.Start("workflows", "Zgc.Workflows", settings, TimeSpan.FromSeconds(120));
        var atStart = ProcessUsage.Read(service.Name, service.ProcessId);
        using var http = StandaloneTokens.Client(service.BaseAddress, Roles.CommitteeOfficer);
        var kinds = ListQueries.Kinds(loaded, await ListQueries.HalfWayCursor(http, loaded));
        // One untimed pass: the first request of each kind compiles its query and JITs its code, once per process lifetime.
        var warm = await ListQueries.Measure(http, kinds, kinds.Count, clients: 1, seed: 0);
        Throw(warm.Failures);

        foreach (var clients in new[] { 1, ConcurrentClients })
        {
            var timings = await ListQueries.Measure(http, kinds, lists, clients, seed: clients * 1000);
            Throw(timings.Failures);
            var clientVariant = variant + (clients == 1 ? ", 1 client" : $", {clients} clients");
            foreach (var kind in kinds)
            {
                var latency = LatencySummary.FromTicks(timings.Ticks[kind.Name].ToArray());
                run.Report.Add(new Figure(Name, clientVariant, kind.Name, latency.P99, "ms p99")
                {
                    Latency = latency,
                    Target = new Target("p99 < 100 ms", latency.P99 < LatencyTargetMs),
                    Note = string.Create(CultureInfo.InvariantCulture, $"{timings.Ticks[kind.Name].Count} queries"),
                });
            }
        }

        var after = ProcessUsage.Read(service.Name, service.ProcessId);
        if (after is not null)
        {
            run.Report.Add(new Figure(Name, variant, "workflows resident memory after the queries", after.ResidentMegabytes, "MB")
            {
                Target = new Target("< 300 MB", after.ResidentMegabytes < MemoryTargetMb),
                Note = atStart is null ? null : string.Create(CultureInfo.InvariantCulture, $"{atStart.ResidentMegabytes:0} MB once ready after the restart"),
            });
            run.Report.Add(new Figure(Name, variant, "workflows peak resident memory", after.PeakResidentMegabytes, "MB")
            {
                Target = new Target("< 300 MB", after.PeakResidentMegabytes < MemoryTargetMb),
                Note = string.Create(CultureInfo.InvariantCulture, $"VmHWM since the restart; CPU {after.CpuSince(atStart):0.0} s for the queries"),
            });
        }

        var (total, tables) = await DatabaseSizes.Read(database);
        run.Report.Add(new Figure(Name, variant, "database size", total / 1048576.0, "MB")
        {
            Note = string.Join(", ", tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Table} {t.Bytes / 1048576.0:0.0} MB"))),
        });

        run.Report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"The workflows service alone, as its own process on PostgreSQL (in-memory bus, quiet logs), holding {size:N0} lifecycle instances whose " +
            $"history walks the real state machine (returns, expert panel, meeting, notice, agreement, construction years closed by evaluations; " +
            $"most finished, the rest waiting, one in ten of those past the stalled threshold), bulk-loaded with binary COPY after the service " +
            $"migrated its schema, then vacuumed and analyzed (as autovacuum would have). The service was restarted before measuring; one untimed pass warmed each query kind. " +
            $"{lists} queries per client count, interleaved over the kinds, as a committee officer; each time includes reading the whole body. " +
            $"The incidents overview also asks each service for its faults over HTTP (here only the workflows service runs; the others fail fast). " +
            $"Other work shares this 2-core machine, so the figures are indicative."));
    }

    /// <summary>Loaded rows must be the service's own: each sampled instance answers with its whole history, and the totals agree.</summary>
    private static async Task CheckReadable(HttpClient http, LoadedHistory loaded)
    {
        foreach (var (id, state, transitions) in loaded.Sample.Take(5))
        {
            var detail = await http.GetFromJsonAsync<JsonObject>(new Uri($"workflows/instances/{id}", UriKind.Relative))
                ?? throw new InvalidOperationException($"Instance {id} not found after loading.");
            var readState = (string?)detail["currentState"];
            var readTransitions = detail["transitions"]?.AsArray().Count;
            if (readState != state || readTransitions != transitions)
            {
                throw new InvalidOperationException($"Instance {id} reads back as {readState} with {readTransitions} transitions, loaded as {state} with {transitions}.");
            }
        }

        using var list = await http.GetAsync(new Uri("workflows/instances?pageSize=1", UriKind.Relative));
        list.EnsureSuccessStatusCode();
        // The list counts exactly only up to a limit (Workflows:ExactTotalUpTo); beyond it, it says only that there are more.
        // The exact totals per state are checked below.
        var exact = list.Headers.TryGetValues("X-Total-Count", out var values) ? int.Parse(values.Single(), CultureInfo.InvariantCulture) : (int?)null;
        var exceeds = list.Headers.TryGetValues("X-Total-Count-Exceeds", out var limits) ? int.Parse(limits.Single(), CultureInfo.InvariantCulture) : (int?)null;
        if (exact != loaded.Instances && !(exceeds < loaded.Instances))
        {
            var total = exact?.ToString(CultureInfo.InvariantCulture) ?? (exceeds is { } limit ? $"more than {limit}" : "no total");
            throw new InvalidOperationException($"The list reports {total} instances; {loaded.Instances} were loaded.");
        }

        var counts = await http.GetFromJsonAsync<JsonArray>(new Uri("workflows/counts", UriKind.Relative)) ?? [];
        foreach (var c in counts)
        {
            var state = (string?)c?["state"] ?? "";
            if ((int?)c?["count"] != loaded.ByState.GetValueOrDefault(state))
            {
                throw new InvalidOperationException($"The counts report {c?["count"]} in {state}; {loaded.ByState.GetValueOrDefault(state)} were loaded.");
            }
        }
    }

    private static void Throw(IReadOnlyList<string> failures)
    {
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{failures.Count} queries failed, e.g. {string.Join("; ", failures.Take(3))}");
        }
    }
}
