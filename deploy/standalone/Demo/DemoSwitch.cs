using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Standalone.Demo;

/// <summary>
/// The command-line form of the <c>Demo</c> section: <c>--seed-demo</c>, <c>--demo-seed N</c>, <c>--demo-start yyyy-MM-dd</c>,
/// <c>--demo-units N</c>, <c>--demo-exit</c>. Seeding needs time to pass, so it turns the simulated clock on (starting at
/// 09:00 Beijing of the demo's start date unless <c>--simulate-start</c> says otherwise) and runs it at real-time pace while
/// seeding; a speed given with <c>--simulate</c> applies once seeding is done.
/// </summary>
internal static class DemoSwitch
{
    /// <summary>Runs after <see cref="SimulateSwitch.Expand"/>, so it sees the Simulation:* settings that switch wrote.</summary>
    public static string[] Expand(string[] args)
    {
        if (!args.Contains("--seed-demo"))
        {
            return args;
        }

        var expanded = new List<string>(args.Length + 6);
        var start = new DemoOptions().Start;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed-demo":
                    expanded.Add("--Demo:Enabled=true");
                    break;
                case "--demo-seed" when i + 1 < args.Length:
                    expanded.Add("--Demo:Seed=" + int.Parse(args[++i], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                case "--demo-units" when i + 1 < args.Length:
                    expanded.Add("--Demo:Units=" + int.Parse(args[++i], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                case "--demo-start" when i + 1 < args.Length:
                    start = DateOnly.ParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    expanded.Add("--Demo:Start=" + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case "--demo-exit":
                    expanded.Add("--Demo:ExitWhenDone=true");
                    break;
                default:
                    if (args[i].StartsWith("--Simulation:Speed=", StringComparison.Ordinal))
                    {
                        // Seeding runs at real-time pace; the asked-for speed applies afterwards.
                        expanded.Add("--Demo:SpeedAfter=" + args[i]["--Simulation:Speed=".Length..]);
                        break;
                    }

                    expanded.Add(args[i]);
                    break;
            }
        }

        expanded.Add("--Simulation:Enabled=true");
        expanded.Add("--Simulation:Speed=1");
        if (!expanded.Any(a => a.StartsWith("--Simulation:Start=", StringComparison.Ordinal)))
        {
            expanded.Add("--Simulation:Start=" + BeijingTime.StartOfDay(start).AddHours(9).ToString("O", CultureInfo.InvariantCulture));
        }

        return [.. expanded];
    }
}
