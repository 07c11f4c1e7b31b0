using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Zgc.Deploy.Tests;

/// <summary>
/// deploy/local: the scripts parse, up.sh plans one port per replica, down.sh signals only processes recorded
/// in the state file (and only while they are still the same process), status.sh reports health.
/// These never start the services; the full up/status/down run is a manual step (deploy/README.md).
/// </summary>
public sealed class LocalScriptTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "zgc-deploy-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<Process> _spawned = [];

    private static string Script(string name) => Repo.PathOf("deploy", "local", name);

    private Dictionary<string, string> StateEnvironment(int stopTimeout = 5) => new()
    {
        ["ZGC_LOCAL_STATE"] = _state,
        ["ZGC_LOCAL_STOP_TIMEOUT"] = stopTimeout.ToString(CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("common.sh")]
    [InlineData("up.sh")]
    [InlineData("down.sh")]
    [InlineData("status.sh")]
    public async Task Script_passes_bash_syntax_check(string script)
    {
        var result = await Command.Run("bash", ["-n", Script(script)]);
        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public async Task Plan_gives_every_process_its_own_loopback_port()
    {
        var result = await Command.Run("bash", [Script("up.sh"), "--plan", "--replicas", "intake=3", "--replicas", "workflows=2"], StateEnvironment());
        Assert.True(result.ExitCode == 0, result.All);

        var rows = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(cells => (Service: cells[0], Replica: int.Parse(cells[1], CultureInfo.InvariantCulture), Url: new Uri(cells[2])))
            .ToList();
        Assert.Equal(Repo.Services.Length + 3, rows.Count);
        Assert.All(rows, r => Assert.Equal("127.0.0.1", r.Url.Host));
        Assert.Equal(rows.Count, rows.Select(r => r.Url.Port).Distinct().Count());
        Assert.Equal([5110, 5111, 5112], rows.Where(r => r.Service == "intake").Select(r => r.Url.Port));
        Assert.Equal([5160, 5161], rows.Where(r => r.Service == "workflows").Select(r => r.Url.Port));
        foreach (var service in Repo.Services)
        {
            Assert.Contains(rows, r => r.Service == service && r.Replica == 1 && r.Url.Port == Repo.LocalPort(service));
        }

        Assert.False(Directory.Exists(_state), "--plan must not create the state folder");
    }

    [Fact]
    public async Task The_port_table_in_the_readme_matches_the_plan()
    {
        var readme = await File.ReadAllTextAsync(Repo.PathOf("deploy", "README.md"), TestContext.Current.CancellationToken);
        foreach (var service in Repo.Services)
        {
            Assert.Contains($"| {service} | {Repo.LocalPort(service)} ", readme, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nosuch=2", "unknown service")]
    [InlineData("intake=0", "N must be")]
    [InlineData("intake=11", "N must be")]
    [InlineData("intake", "service=N")]
    public async Task Bad_replica_arguments_are_refused_before_anything_starts(string argument, string message)
    {
        var result = await Command.Run("bash", [Script("up.sh"), "--replicas", argument], StateEnvironment());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_state));
    }

    [Fact]
    public async Task Down_stops_the_recorded_processes_and_nothing_else()
    {
        var recorded = Spawn("sleep", "300");
        var reused = Spawn("sleep", "300");     // its PID is in the file, but with another start time: a reused PID
        var unrelated = Spawn("sleep", "300");  // not in the file at all
        WriteState(
            Row("intake", 1, 5110, recorded.Id, StartTime(recorded.Id)),
            Row("review", 1, 5120, reused.Id, StartTime(reused.Id) + 1));

        var result = await Command.Run("bash", [Script("down.sh")], StateEnvironment());

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(recorded.WaitForExit(5_000), "the recorded process was not stopped");
        Assert.False(reused.HasExited, "a PID whose start time differs from the record must not be signalled");
        Assert.False(unrelated.HasExited, "a process that is not in the state file must not be signalled");
        Assert.Contains("review replica 1", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_state, "processes.tsv")), "the state file is retired after down");
    }

    [Fact]
    public async Task Down_kills_a_process_that_ignores_sigterm_after_the_timeout()
    {
        var stubborn = Spawn("bash", "-c", "trap '' TERM; while :; do sleep 0.2; done");
        WriteState(Row("funding", 1, 5140, stubborn.Id, StartTime(stubborn.Id)));

        var watch = Stopwatch.StartNew();
        var result = await Command.Run("bash", [Script("down.sh")], StateEnvironment(stopTimeout: 1));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(stubborn.WaitForExit(5_000), "SIGKILL did not follow");
        Assert.Contains("SIGKILL", result.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), "SIGKILL came before the timeout");
    }

    [Fact]
    public async Task Down_without_a_state_file_does_nothing()
    {
        var result = await Command.Run("bash", [Script("down.sh")], StateEnvironment());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to stop", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_ready_and_gone_processes()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Serve(listener, """{"status":"Healthy","checks":[]}""");
        var gone = Spawn("true");
        gone.WaitForExit();
        // The "ready" row is this test process itself: alive, and its port answers /health/ready.
        var self = Environment.ProcessId;
        WriteState(
            Row("workflows", 1, port, self, StartTime(self)),
            Row("notice", 1, 5130, gone.Id, 1));

        var result = await Command.Run("bash", [Script("status.sh")], StateEnvironment());
        listener.Stop();
        await serving;

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("workflows", StringComparison.Ordinal) && l.Contains("ready (Healthy)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("notice", StringComparison.Ordinal) && l.Contains("GONE", StringComparison.Ordinal));
    }

    private static async Task Serve(HttpListener listener, string body)
    {
        try
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = context.Request.Url?.AbsolutePath == "/health/ready" ? 200 : 404;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped by the test.
        }
    }

    private Process Spawn(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        _spawned.Add(process);
        return process;
    }

    /// <summary>Field 22 of /proc/&lt;pid&gt;/stat, counted after the command name's closing parenthesis (as common.sh does).</summary>
    private static long StartTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    private static string Row(string service, int replica, int port, int pid, long startTime) =>
        string.Join('\t', service, replica, port, pid, startTime, $"/dev/null");

    private void WriteState(params string[] rows)
    {
        Directory.CreateDirectory(_state);
        File.WriteAllLines(Path.Combine(_state, "processes.tsv"),
            ["# test state", "# infra-started: none", "# service\treplica\tport\tpid\tstart_time\tlog", .. rows]);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var process in _spawned)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5_000);
            }

            process.Dispose();
        }

        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
