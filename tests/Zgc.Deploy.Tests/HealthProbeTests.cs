using System.Net;
using System.Net.Sockets;
using Zgc.HealthProbe;

namespace Zgc.Deploy.Tests;

/// <summary>The container health probe (deploy/compose/healthprobe): healthy only on a 2xx answer.</summary>
public sealed class HealthProbeTests
{
    private static async Task<(bool Healthy, string Reason)> ProbeAgainst(HttpStatusCode status)
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        });
        var result = await Probe.Check(new Uri($"http://127.0.0.1:{port}/health/live"), TimeSpan.FromSeconds(5));
        await serve;
        return result;
    }

    [Fact]
    public async Task Ok_is_healthy()
    {
        var (healthy, reason) = await ProbeAgainst(HttpStatusCode.OK);

        Assert.True(healthy, reason);
        Assert.Contains("answered 200", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_unavailable_is_unhealthy()
    {
        var (healthy, reason) = await ProbeAgainst(HttpStatusCode.ServiceUnavailable);

        Assert.False(healthy);
        Assert.Contains("answered 503", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_unhealthy()
    {
        var (healthy, reason) = await Probe.Check(new Uri($"http://127.0.0.1:{FreePort()}/health/live"), TimeSpan.FromSeconds(5));

        Assert.False(healthy);
        Assert.Contains("unreachable", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-url")]
    [InlineData("ftp://127.0.0.1/health/live")]
    [InlineData("http://127.0.0.1/a http://127.0.0.1/b")]
    public async Task A_bad_command_line_exits_with_2(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, await Probe.Main(args));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
