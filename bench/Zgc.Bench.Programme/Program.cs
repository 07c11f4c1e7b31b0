using System.Globalization;
using Zgc.Bench;
using Zgc.Bench.Programme;
using Zgc.Bench.Programme.Reporting;
using Zgc.Bench.Programme.Scenarios;
using Zgc.Testing;

// The whole programme's benchmark (issue 13): lifecycles on the standalone and distributed compositions, the raw baselines of
// this machine in the same run, API load, timers falling due together, and the workflows service at scale.
ProgrammeOptions options;
try
{
    options = ProgrammeOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(ProgrammeOptions.Usage);
    return 2;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(ProgrammeOptions.Usage);
    return 0;
}

var benchOptions = BenchOptions.Parse(options.Quick ? ["--quick"] : []);
var machine = await MachineInfo.Collect(benchOptions);
Console.WriteLine("Zgc.Bench.Programme — the whole programme");
foreach (var (key, value) in machine.Describe())
{
    Console.WriteLine($"  {key}: {value}");
}

var report = new ProgrammeReport(machine, options);
var run = new ProgrammeRun(options, report, benchOptions);
(string Name, string Title, Func<ProgrammeRun, Task> Run)[] scenarios =
[
    ("baselines", "Baselines: raw RabbitMQ.Client loop, raw Npgsql commits, MassTransit in-memory saga", BaselinesScenario.Run),
    ("lifecycle", "Lifecycles: applications through three funded years, standalone and distributed", LifecycleScenario.Run),
    ("api", "API: HTTP load on the main read and write endpoints", ApiScenario.Run),
    ("timers", "Timers: notices closing at nearly the same moment", TimersScenario.Run),
    ("scale", "Scale: lifecycle instances with their history", ScaleScenario.Run),
];

try
{
    foreach (var (name, title, scenario) in scenarios.Where(s => options.Runs(s.Name)))
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        try
        {
            await scenario(run);
        }
        catch (Exception ex)
        {
            report.Failed(name, ex);
            Console.Error.WriteLine($"  FAILED: {ex}");
        }
    }
}
finally
{
    if (!options.KeepDatabases)
    {
        await PostgresDatabases.DropAll(run.DatabasePrefix);
    }
}

foreach (var unread in options.Unread())
{
    Console.Error.WriteLine($"Warning: {unread} was given but no scenario that ran reads it.");
}

machine.LoadAtEnd = MachineInfo.LoadAverage();
var file = await report.Write(Path.Combine(Report.RepositoryRoot(), "artifacts", "bench"));
Console.WriteLine();
Console.WriteLine(report.Markdown());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {Path.GetRelativePath(Environment.CurrentDirectory, file)} (and .json, -chart*.svg)"));
return report.Failures.Any() ? 1 : 0;
