using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Zgc.Persistence;

/// <summary>
/// How busy each SQLite file's write gate is (meter <c>Zgc.Persistence</c>, tag <c>file</c>, the file's name):
/// <c>zgc.sqlite.write_gate.held</c> adds up the milliseconds write transactions held the gate and
/// <c>zgc.sqlite.write_gate.wait</c> those they waited for it. Read as a rate, the held counter near 1,000 ms per second
/// means the file's writes go one at a time with no gap, and that file bounds the process's throughput whatever the cores
/// could do (docs/performance.md). Read live with <c>dotnet-counters monitor -p PID --counters Zgc.Persistence</c>.
/// </summary>
internal static class SqliteWriteGateMetrics
{
    private static readonly Meter Meter = new(SqliteStatementMetrics.MeterName);

    private static readonly Counter<double> HeldMilliseconds = Meter.CreateCounter<double>("zgc.sqlite.write_gate.held", "ms",
        "Time write transactions held their SQLite file's write gate, from their turn to their commit or rollback");

    private static readonly Counter<double> WaitMilliseconds = Meter.CreateCounter<double>("zgc.sqlite.write_gate.wait", "ms",
        "Time write transactions waited for their SQLite file's write gate");

    public static KeyValuePair<string, object?> FileTag(string path) => new("file", Path.GetFileName(path));

    public static void Waited(KeyValuePair<string, object?> file, long since) =>
        WaitMilliseconds.Add(Stopwatch.GetElapsedTime(since).TotalMilliseconds, file);

    public static void Held(KeyValuePair<string, object?> file, long since) =>
        HeldMilliseconds.Add(Stopwatch.GetElapsedTime(since).TotalMilliseconds, file);
}
