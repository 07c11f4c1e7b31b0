using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Zgc.ServiceDefaults.Limits;
using Zgc.Testing;

namespace Zgc.ServiceDefaults.Tests;

/// <summary>
/// Hardening: client connections never take the file descriptors a service's databases need. Past
/// Limits:MaxConcurrentConnections a new connection is closed at once, and the service keeps answering the ones it holds
/// (the benchmark's 10,000 idle clients once filled the standalone host's descriptors and SQLite writes failed with 500).
/// </summary>
public sealed class ConnectionLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_connection_cap_a_new_connection_is_refused_and_one_is_accepted_again_once_another_closes()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "zgc-tests", Guid.NewGuid().ToString("N"));
        await using var intake = await ServiceProcess.Start("intake", "Zgc.Intake", new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Database__DataDirectory"] = dataDirectory,
            ["Messaging__Transport"] = "InMemory",
            ["Limits__MaxConcurrentConnections"] = "2",
        });

        // Two idle clients hold both places (the readiness probe's connection may take a moment to be let go).
        var idle = new List<TcpClient>();
        try
        {
            HttpStatusCode? refusedWith = HttpStatusCode.OK;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (refusedWith is not null && DateTime.UtcNow < deadline)
            {
                if (idle.Count < 2)
                {
                    var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, intake.Port, Ct);
                    idle.Add(client);
                    // One complete request on each, so Kestrel has surely accepted and counted it.
                    await Live(client);
                    continue;
                }

                refusedWith = await LiveOnNewConnection(intake.BaseAddress);
                if (refusedWith is not null)
                {
                    await Task.Delay(200, Ct);
                }
            }

            Assert.Null(refusedWith);

            // The clients already held are still served.
            await Live(idle[0]);

            // One leaves: a new connection is accepted again.
            idle[1].Dispose();
            idle.RemoveAt(1);
            HttpStatusCode? accepted = null;
            deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (accepted is null && DateTime.UtcNow < deadline)
            {
                accepted = await LiveOnNewConnection(intake.BaseAddress);
                if (accepted is null)
                {
                    await Task.Delay(200, Ct);
                }
            }

            Assert.Equal(HttpStatusCode.OK, accepted);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Theory]
    [InlineData(20_000L, 13_125L)] // 20,000 − 5,000 kept = 15,000; seven eighths
    [InlineData(1_024L, 672L)] //     1,024 − 256 kept = 768; seven eighths
    [InlineData(300L, 64L)] //        too few to share: the floor
    [InlineData(1_048_576L, 688_128L)]
    public void The_default_cap_keeps_a_quarter_of_the_descriptors_and_an_eighth_of_the_rest_for_upgraded_connections(long descriptors, long expected)
    {
        Assert.Equal(expected, ConnectionLimit.ForDescriptorLimit(descriptors));
    }

    [Fact]
    public void An_unknown_descriptor_limit_means_no_cap()
    {
        Assert.Null(ConnectionLimit.ForDescriptorLimit(null));
        Assert.Null(ConnectionLimit.ParseOpenFilesLimit("Limit                     Soft Limit           Hard Limit           Units\n"));
        Assert.Null(ConnectionLimit.ParseOpenFilesLimit("Max open files            unlimited            unlimited            files\n"));
    }

    [Fact]
    public void The_soft_open_files_limit_is_read_from_proc_limits()
    {
        const string limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max processes             95698                95698                processes
            Max open files            20000                1048576              files
            Max locked memory         8388608              8388608              bytes
            """;
        Assert.Equal(20_000L, ConnectionLimit.ParseOpenFilesLimit(limits.Replace("\r\n", "\n", StringComparison.Ordinal)));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(ConnectionLimit.ProcessDescriptorLimit() > 0);
        }
    }

    [Theory]
    [InlineData(null, null, true)] //   from the descriptor limit
    [InlineData(0L, null, false)] //    turned off
    [InlineData(700L, null, false)] //  configured
    [InlineData(700L, 50L, false)] //   Kestrel's own setting wins
    public void Kestrel_gets_the_configured_cap_unless_its_own_setting_is_there(long? configured, long? kestrelOwn, bool fromDescriptors)
    {
        var kestrel = new KestrelServerOptions();
        kestrel.Limits.MaxConcurrentConnections = kestrelOwn;
        new ConnectionLimit.ConfigureKestrel(Options.Create(new RequestLimitsOptions { MaxConcurrentConnections = configured }))
            .Configure(kestrel);

        long? expected = kestrelOwn ?? (fromDescriptors
            ? ConnectionLimit.ForDescriptorLimit(ConnectionLimit.ProcessDescriptorLimit())
            : configured is 0 ? null : configured);
        Assert.Equal(expected, kestrel.Limits.MaxConcurrentConnections);
        if (kestrelOwn is null && expected is not null)
        {
            Assert.Equal(ConnectionLimit.UpgradedFor(expected.Value), kestrel.Limits.MaxConcurrentUpgradedConnections);
        }
    }

    /// <summary>GET /health/live over a fresh connection: its status, or null when the server closed the connection.</summary>
    private static async Task<HttpStatusCode?> LiveOnNewConnection(Uri baseAddress)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), Ct);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>One keep-alive request on a held connection; fails the test unless it is answered 200.</summary>
    private static async Task Live(TcpClient client)
    {
        var stream = client.GetStream();
        await stream.WriteAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray(), Ct);
        var response = await ReadWholeResponse(stream);
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads one complete response — head and body — so the next request on the connection starts on a clean
    /// stream. The body may come in a later segment than the head (a chunked body's closing "0\r\n\r\n" did, and
    /// the next read then began with it).
    /// </summary>
    private static async Task<string> ReadWholeResponse(NetworkStream stream)
    {
        var received = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        while (!IsComplete(received.ToString()))
        {
            var read = await stream.ReadAsync(buffer, Ct);
            Assert.True(read > 0, $"The server closed the connection mid-response after: {received}");
            received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    private static bool IsComplete(string response)
    {
        var headEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return false;
        }

        var head = response[..headEnd];
        var body = response[(headEnd + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return body.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
        }

        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return lengthLine is null || body.Length >= int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
