using System.Globalization;
using System.Text;
using Zgc.Bench;
using Zgc.Messaging;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var machine = await MachineInfo.Collect(options);
Console.WriteLine("Zgc.Bench — messaging throughput");
foreach (var (key, value) in machine.Describe())
{
    Console.WriteLine($"  {key}: {value}");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  sizes: {options.Messages} messages, {options.Events} events over {options.Instances} instances{(options.Quick ? " (quick)" : "")}"));

foreach (var experiment in options.Experiments())
{
    Console.WriteLine($"  experiment: {experiment}");
}

var results = new List<BenchResult>();
MessagingOptions? outboxSettings = null;
var failures = new List<string>();

async Task Scenario(string name, string title, Func<Task> run)
{
    if (!options.Runs(name))
    {
        return;
    }

    Console.WriteLine();
    Console.WriteLine($"== {title}");
    try
    {
        await run();
    }
    catch (Exception ex)
    {
        failures.Add($"{title}: {ex.GetType().Name}: {ex.Message}");
        Console.Error.WriteLine($"  FAILED: {ex}");
    }
}

await Scenario("raw", "1. Raw broker loop (RabbitMQ.Client 7)", async () => results.AddRange(await RawBrokerScenario.Run(options)));
await Scenario("outbox", "2. Outbox delivery (PostgreSQL → outbox → RabbitMQ → inbox → consumer)", async () =>
{
    var (outboxResults, settings) = await OutboxScenario.Run(options);
    results.AddRange(outboxResults);
    outboxSettings = settings;
});
await Scenario("saga", "3. Saga transitions", async () => results.AddRange(await SagaScenario.Run(options)));
await Scenario("commits", "4. PostgreSQL commit ceiling (raw Npgsql)", async () => results.AddRange(await CommitCeilingScenario.Run(options)));

machine.LoadAtEnd = MachineInfo.LoadAverage();
var report = Report.Build(options, machine, results, outboxSettings, failures);
Console.WriteLine();
Console.WriteLine(report.Ratios);
Console.WriteLine();
Console.WriteLine(report.Markdown);

var root = Report.RepositoryRoot();
var folder = Path.Combine(root, "artifacts", "bench");
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, $"messaging-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
await File.WriteAllTextAsync(file, report.Markdown, Encoding.UTF8);
Console.WriteLine($"Written to {Path.GetRelativePath(Environment.CurrentDirectory, file)}");
return failures.Count == 0 ? 0 : 1;
