using System.Diagnostics;

namespace Zgc.Deploy.Tests;

/// <summary>Paths in the repository and the seven deployable hosts.</summary>
internal static class Repo
{
    /// <summary>Every service and the console, by folder name under services/.</summary>
    public static readonly string[] Services = ["intake", "review", "notice", "funding", "monitoring", "workflows", "console"];

    /// <summary>The hosts that own a database and talk to the broker (all but the console).</summary>
    public static readonly string[] DataServices = Services.Where(s => s != "console").ToArray();

    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>intake → Zgc.Intake.</summary>
    public static string ProjectOf(string service) => "Zgc." + char.ToUpperInvariant(service[0]) + service[1..];

    /// <summary>The first replica's port on 127.0.0.1, as deploy/local/common.sh assigns it (base 5100, blocks of 10).</summary>
    public static int LocalPort(string service) => 5100 + (10 * (service == "console" ? 0 : Array.IndexOf(Services, service) + 1));

    public static TheoryData<string> AllServices() => new(Services);

    public static TheoryData<string> AllDataServices() => new(DataServices);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Zgc.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Zgc.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The outcome of one external command.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}

internal static class Command
{
    /// <summary>Runs a program to its end (killed after <paramref name="timeout"/>) and captures both streams.</summary>
    public static async Task<CommandResult> Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', info.ArgumentList)} did not finish in time");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
