using System.Diagnostics;
using Zgc.Testing;

namespace Zgc.Messaging.Tests.Support;

/// <summary>Stops and starts the shared local RabbitMQ with the repository's own infrastructure scripts.</summary>
public static class Broker
{
    public static Task Stop() => Run("stop-rabbitmq.sh");

    /// <summary>Idempotent: returns at once when the broker is already up.</summary>
    public static Task Start() => Run("ensure-rabbitmq.sh");

    private static async Task Run(string script)
    {
        var path = Path.Combine(ServiceProcess.RepositoryRoot(), "deploy", "infra", script);
        var info = new ProcessStartInfo("bash", [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{script} could not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
