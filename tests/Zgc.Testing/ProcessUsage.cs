using System.Globalization;

namespace Zgc.Testing;

/// <summary>
/// CPU time and memory of one OS process, read from /proc (Linux): user + system time in seconds, the resident set now and
/// its high-water mark (VmHWM, the peak resident memory since the process started).
/// </summary>
public sealed record ProcessUsage(string Name, int ProcessId, double CpuSeconds, double ResidentMegabytes, double PeakResidentMegabytes)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static ProcessUsage? Read(string name, int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            var status = File.ReadAllLines($"/proc/{processId}/status");
            return new ProcessUsage(name, processId, cpu, Kilobytes(status, "VmRSS:") / 1024.0, Kilobytes(status, "VmHWM:") / 1024.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds used since <paramref name="earlier"/> (same process).</summary>
    public double CpuSince(ProcessUsage? earlier) => CpuSeconds - (earlier?.CpuSeconds ?? 0);

    private static long Kilobytes(string[] status, string key)
    {
        var line = status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
