using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zgc.Bench.Programme.Reporting;

/// <summary>Everything one run measured, written as Markdown (for docs/), JSON (for tools) and an SVG chart.</summary>
public sealed class ProgrammeReport(MachineInfo machine, ProgrammeOptions options)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        IncludeFields = true,
    };

    private readonly ConcurrentQueue<Figure> _figures = new();
    private readonly ConcurrentQueue<Series> _series = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentQueue<(string Scenario, string Text)> _notes = new();

    public DateTimeOffset Started { get; } = DateTimeOffset.Now;

    public IEnumerable<Figure> Figures => _figures;

    public IEnumerable<string> Failures => _failures;

    public void Add(Figure figure)
    {
        _figures.Enqueue(figure);
        Console.WriteLine($"  {figure.Scenario} / {figure.Variant} / {figure.Measure}: {Number(figure.Value)} {figure.Unit}" +
            (figure.Latency is { } l ? $" ({l})" : "") + (figure.Ratio is { } r ? $", {r:P0} of {figure.Baseline!.Name}" : "") +
            (figure.Target is { } t ? $" — target {t.Text}: {(t.Met ? "met" : "missed")}" : ""));
    }

    public void Add(Series series) => _series.Enqueue(series);

    /// <summary>A sentence under the scenario's table (what was run, how, what limits it).</summary>
    public void Note(string scenario, string text) => _notes.Enqueue((scenario, text));

    public void Failed(string scenario, Exception exception) => _failures.Enqueue($"{scenario}: {exception.GetType().Name}: {exception.Message}");

    /// <summary>The latest figure of <paramref name="scenario"/> / <paramref name="measure"/> (for ratios between scenarios).</summary>
    public Figure? Find(string scenario, string measure, string? variant = null) =>
        _figures.LastOrDefault(f => f.Scenario == scenario && f.Measure == measure && (variant is null || f.Variant == variant));

    public string Markdown()
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Programme benchmark, {Started:yyyy-MM-dd HH:mm}\n\n");
        md.Append("Machine: ").Append(string.Join("; ", machine.Describe().Select(d => $"{d.Key} {d.Value}"))).Append(".\n\n");
        md.Append("Options: ").Append(options.Quick ? "`--quick` " : "").Append(string.Join(" ", options.Given().Select(g => $"`{g}`")))
            .Append(options.Quick || options.Given().Any() ? "" : "defaults").Append(CultureInfo.InvariantCulture, $"; scenarios: {string.Join(", ", options.Scenarios)}.\n");
        foreach (var scenario in _figures.Select(f => f.Scenario).Distinct())
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {scenario}\n\n");
            md.Append("| Variant | Measure | Value | p50 / p95 / p99 / max (ms) | Baseline | Ratio | Target | Result | Note |\n");
            md.Append("|---|---|---:|---|---|---:|---|---|---|\n");
            foreach (var f in _figures.Where(f => f.Scenario == scenario))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {f.Variant} | {f.Measure} | {Number(f.Value)} {f.Unit} | ")
                    .Append(f.Latency is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l.P50:0.0} / {l.P95:0.0} / {l.P99:0.0} / {l.Max:0.0}") : "–").Append(" | ")
                    .Append(f.Baseline is { } b ? $"{b.Name}: {Number(b.Value)} {b.Unit}" : "–").Append(" | ")
                    .Append(f.Ratio is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "–").Append(" | ")
                    .Append(f.Target?.Text ?? "–").Append(" | ")
                    .Append(f.Target is { } t ? (t.Met ? "met" : "**missed**") : "–").Append(" | ")
                    .Append(f.Note ?? "").Append(" |\n");
            }

            foreach (var (_, text) in _notes.Where(n => n.Scenario == scenario))
            {
                md.Append('\n').Append(text).Append('\n');
            }
        }

        if (!_series.IsEmpty)
        {
            md.Append("\nCharts (SVG, beside this file): ").Append(string.Join("; ", Charts().Select(c => $"`{c.Name}`"))).Append(
                " — lifecycles per second against concurrency, API p99 against the offered rate.\n");
        }

        if (!_failures.IsEmpty)
        {
            md.Append("\n## Failed\n\n");
            foreach (var failure in _failures)
            {
                md.Append("- ").Append(failure).Append('\n');
            }
        }

        md.Append(CultureInfo.InvariantCulture, $"\nLoad average at start {machine.LoadAtStart}, at end {machine.LoadAtEnd}.\n");
        return md.ToString();
    }

    public string JsonText() => JsonSerializer.Serialize(new
    {
        started = Started,
        machine = machine.Describe().ToDictionary(d => d.Key, d => d.Value),
        loadAtStart = machine.LoadAtStart,
        loadAtEnd = machine.LoadAtEnd,
        options = new { options.Quick, options.Scenarios, given = options.Given().ToList() },
        figures = _figures.Select(f => new
        {
            f.Scenario, f.Variant, f.Measure, f.Value, f.Unit, f.Latency, f.Baseline, f.Ratio, f.Target, f.Note,
        }),
        series = _series.Select(s => new { s.Name, s.XLabel, s.YLabel, points = s.Points.Select(p => new { x = p.X, y = p.Y }) }),
        failures = _failures,
    }, Json);

    /// <summary>One chart per pair of axes (curves in different units never share one), named after its y axis.</summary>
    public IEnumerable<(string Name, string Svg)> Charts() => _series.GroupBy(s => (s.XLabel, s.YLabel)).Select((group, i) =>
        ($"chart{i + 1}", SvgChart.Render($"{Capitalised(group.Key.YLabel)} against {group.Key.XLabel}", [.. group])));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Writes the three files; returns the Markdown path.</summary>
    public async Task<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"programme-{Started.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        await File.WriteAllTextAsync(stem + ".md", Markdown(), Encoding.UTF8);
        await File.WriteAllTextAsync(stem + ".json", JsonText(), Encoding.UTF8);
        foreach (var (name, svg) in Charts())
        {
            await File.WriteAllTextAsync($"{stem}-{name}.svg", svg, Encoding.UTF8);
        }

        return stem + ".md";
    }

    internal static string Number(double value) => value switch
    {
        double.NaN => "–",
        >= 100 or <= -100 => value.ToString("#,0", CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };
}
