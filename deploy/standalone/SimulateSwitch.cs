using System.Globalization;

namespace Zgc.Standalone;

/// <summary>
/// The friendly command-line form of the simulation clock (Simulation:* settings):
/// <c>--simulate [speed]</c> and <c>--simulate-start yyyy-MM-dd</c>. A speed is simulated time per real second:
/// <c>1d</c> (the default: one day per second), <c>6h</c>, <c>30m</c>, or a plain factor such as <c>3600</c>.
/// </summary>
internal static class SimulateSwitch
{
    public static string[] Expand(string[] args)
    {
        var expanded = new List<string>(args.Length + 3);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--simulate":
                    var speed = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "1d";
                    expanded.Add("--Simulation:Enabled=true");
                    expanded.Add("--Simulation:Speed=" + Factor(speed).ToString(CultureInfo.InvariantCulture));
                    break;
                case "--simulate-start" when i + 1 < args.Length:
                    var start = DateOnly.ParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    expanded.Add("--Simulation:Start=" + Zgc.SharedKernel.BeijingTime.StartOfDay(start).ToString("O", CultureInfo.InvariantCulture));
                    break;
                default:
                    expanded.Add(args[i]);
                    break;
            }
        }

        return [.. expanded];
    }

    /// <summary>"1d" → 86400, "6h" → 21600, "30m" → 1800, "3600" → 3600.</summary>
    public static double Factor(string speed)
    {
        var unit = speed[^1] switch { 'd' => 86_400d, 'h' => 3_600d, 'm' => 60d, 's' => 1d, _ => 0d };
        var number = unit == 0d ? speed : speed[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"--simulate takes a speed such as 1d (a day per second), 6h, 30m or a factor like 3600; '{speed}' is none of these.");
        }

        return value * (unit == 0d ? 1d : unit);
    }
}
