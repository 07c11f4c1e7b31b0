using System.Globalization;

namespace Zgc.Bench.Programme;

/// <summary>
/// The command line: <c>--scenarios a,b</c> picks scenarios (default: all), <c>--quick</c> shrinks every size to a smoke run,
/// and each scenario reads its own sizes by name (<c>--lifecycles 500</c>, <c>--timers 10000</c> …) through <see cref="Count"/>.
/// </summary>
public sealed class ProgrammeOptions
{
    public static readonly string[] AllScenarios = ["baselines", "lifecycle", "api", "timers", "scale"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);

    public bool Quick { get; private set; }

    public IReadOnlyList<string> Scenarios { get; private set; } = AllScenarios;

    public bool KeepDatabases { get; private set; }

    /// <summary>
    /// <c>--set NAME=VALUE</c> (repeatable): an environment variable for every process of a composition, for experiments such
    /// as <c>--set DOTNET_gcServer=0</c> or <c>--set Messaging__OutboxBatchSize=500</c>. Not the platform's defaults.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings => _settings;

    public static string Usage => """
        dotnet run -c Release --project bench/Zgc.Bench.Programme -- [--scenarios baselines,lifecycle,api,timers,scale] [--quick]
          lifecycle:  --lifecycles N (standalone, default 200) --distributed-lifecycles N (default 100) --concurrency 2,8,32
                      --sweep-lifecycles N (at the lower concurrencies, default 32) --compositions standalone,distributed
                      --poll-ms N (how often a waiting user looks again at a record it waits for, default 250; the lifecycle itself is watched with long polls)
          api:        --api-rate R (requests/s, default 200) --api-seconds S (default 30) --api-stored N (default 1000)
                      --api-rates 50,100,200,400 (a short step at each, for the chart) --api-step-seconds S (default 10)
                      --api-agreements N (applications taken to a drafted agreement while seeding, default 10)
                      --api-warmup-seconds S (unmeasured load at half the rate first, default 20)
          timers:     --timers N (notices closing together, default 10000)
                      --timers-warmup N (notices closing together on an earlier day first, unmeasured, default 1000; 0: none)
          scale:      --scale N (lifecycle instances with history, default 100000) --scale-lists N (list queries, default 300)
          --keep-databases   leave the PostgreSQL databases in place
          --set NAME=VALUE   an environment variable for every process started (experiments; repeatable)
        Writes artifacts/bench/programme-<time>.md, .json and -chart<n>.svg.
        """;

    public static ProgrammeOptions Parse(string[] args)
    {
        var options = new ProgrammeOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--quick":
                    options.Quick = true;
                    break;
                case "--keep-databases":
                    options.KeepDatabases = true;
                    break;
                case "--scenarios":
                    var names = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = names.Except(AllScenarios, StringComparer.Ordinal).ToList();
                    if (unknown.Count > 0)
                    {
                        throw new ArgumentException($"--scenarios: unknown {string.Join(", ", unknown)} (known: {string.Join(", ", AllScenarios)}).");
                    }

                    options.Scenarios = names;
                    break;
                case "--set":
                    var setting = Value(args, ref i);
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals < 1)
                    {
                        throw new ArgumentException($"--set wants NAME=VALUE, got '{setting}'.");
                    }

                    options._settings[setting[..equals]] = setting[(equals + 1)..];
                    break;
                case "--help" or "-h":
                    break;
                default:
                    if (!arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"Unexpected argument '{arg}'.");
                    }

                    options._values[arg] = Value(args, ref i);
                    break;
            }
        }

        return options;
    }

    public bool Runs(string scenario) => Scenarios.Contains(scenario, StringComparer.Ordinal);

    /// <summary>
    /// A positive whole number option (or zero, where <paramref name="zeroAllowed"/>): <paramref name="full"/> by default,
    /// <paramref name="quick"/> with --quick.
    /// </summary>
    public int Count(string name, int full, int quick, bool zeroAllowed = false)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return Quick ? quick : full;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || (zeroAllowed && value == 0))
            ? value
            : throw new ArgumentException($"{name} wants a {(zeroAllowed ? "" : "positive ")}whole number, got '{text}'.");
    }

    /// <summary>A comma-separated list of positive whole numbers.</summary>
    public IReadOnlyList<int> Counts(string name, int[] full, int[] quick)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return Quick ? quick : full;
        }

        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0)
            ? [.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : throw new ArgumentException($"{name} wants positive whole numbers separated by commas, got '{text}'.");
    }

    /// <summary>A comma-separated list of names, each one of <paramref name="allowed"/> (all of them by default).</summary>
    public IReadOnlyList<string> Names(string name, string[] allowed)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
        {
            return allowed;
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(allowed, StringComparer.Ordinal).ToList();
        return names.Length > 0 && unknown.Count == 0
            ? names
            : throw new ArgumentException($"{name} wants some of {string.Join(", ", allowed)} separated by commas, got '{text}'.");
    }

    /// <summary>Options given that no scenario asked for (typos), reported once every scenario has run.</summary>
    public IEnumerable<string> Unread() => _values.Keys.Where(k => !_read.Contains(k));

    /// <summary>The option settings as given, for the report.</summary>
    public IEnumerable<string> Given() => _values.Select(p => $"{p.Key} {p.Value}").Concat(_settings.Select(p => $"--set {p.Key}={p.Value}"));

    private static string Value(string[] args, ref int i) =>
        i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
}
