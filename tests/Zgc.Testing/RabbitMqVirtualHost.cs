using System.Diagnostics;

namespace Zgc.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own for one test fixture, so queues of concurrently running system tests
/// (and leftovers of earlier runs) never mix. Made with <c>rabbitmqctl</c> on the local broker the test command started.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private RabbitMqVirtualHost(string name) => Name = name;

    public string Name { get; }

    /// <summary>The broker address with this virtual host.</summary>
    public string Uri => RealInfrastructure.RabbitMq.TrimEnd('/') + "/" + Name;

    public static async Task<RabbitMqVirtualHost> Create(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, prefix.Length + 33)];
        await Ctl("add_vhost", name);
        await Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitMqVirtualHost(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Ctl("delete_vhost", Name);
        }
        catch (InvalidOperationException)
        {
            // Best effort: a broker stopped by a test is cleaned at its next start by the next run.
        }
    }

    private static async Task Ctl(params string[] args)
    {
        var info = new ProcessStartInfo("rabbitmqctl", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("rabbitmqctl could not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }
    }
}
