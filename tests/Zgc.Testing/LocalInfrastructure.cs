using System.Diagnostics;

namespace Zgc.Testing;

/// <summary>
/// Stops and starts the shared local RabbitMQ and PostgreSQL with the repository's own scripts (deploy/infra), for the
/// tests that prove what happens when a broker or a database goes away. The ensure scripts return at once when the
/// server is already up.
/// </summary>
public static class LocalInfrastructure
{
    public static Task StopRabbitMq() => Run("stop-rabbitmq.sh");

    public static Task StartRabbitMq() => Run("ensure-rabbitmq.sh");

    public static Task StopPostgres() => Run("stop-postgres.sh");

    public static Task StartPostgres() => Run("ensure-postgres.sh");

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
