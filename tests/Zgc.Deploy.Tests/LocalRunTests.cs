using System.Globalization;

namespace Zgc.Deploy.Tests;

/// <summary>
/// The real thing, opt-in (ZGC_DEPLOY_LOCAL_E2E=1): up.sh builds and starts every host on PostgreSQL and RabbitMQ
/// with two intake replicas, status.sh reports all ready, down.sh stops every recorded PID and leaves none behind.
/// Off by default because it builds and starts eight processes (minutes on a two-core machine); its own state
/// folder, port block, databases and virtual host keep it apart from a developer's deploy/local run.
/// </summary>
public sealed class LocalRunTests
{
    [Fact]
    public async Task Up_status_down_start_and_stop_every_process()
    {
        if (Environment.GetEnvironmentVariable("ZGC_DEPLOY_LOCAL_E2E") != "1")
        {
            Assert.Skip("set ZGC_DEPLOY_LOCAL_E2E=1 to start the whole programme with deploy/local/up.sh");
        }

        var state = Path.Combine(Path.GetTempPath(), "zgc-local-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new Dictionary<string, string>
        {
            ["ZGC_LOCAL_STATE"] = state,
            ["ZGC_LOCAL_BASE_PORT"] = "5400",
            ["ZGC_LOCAL_DB_PREFIX"] = "zgc_e2e",
            ["ZGC_LOCAL_VHOST"] = "zgc-e2e",
        };
        try
        {
            var up = await Command.Run("bash", [Repo.PathOf("deploy", "local", "up.sh"), "--replicas", "intake=2"], environment, TimeSpan.FromMinutes(20));
            Assert.True(up.ExitCode == 0, up.All);

            var rows = File.ReadAllLines(Path.Combine(state, "processes.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
            Assert.Equal(Repo.Services.Length + 1, rows.Count);
            var pids = rows.Select(r => int.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
            Assert.All(pids, pid => Assert.True(Directory.Exists($"/proc/{pid}"), $"PID {pid} is not running"));

            var status = await Command.Run("bash", [Repo.PathOf("deploy", "local", "status.sh")], environment);
            Assert.True(status.ExitCode == 0, status.All);
            Assert.Equal(rows.Count, status.Output.Split('\n').Count(l => l.Contains("ready (Healthy)", StringComparison.Ordinal)));

            var down = await Command.Run("bash", [Repo.PathOf("deploy", "local", "down.sh")], environment, TimeSpan.FromMinutes(2));
            Assert.True(down.ExitCode == 0, down.All);
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken); // let the reaper collect them
            Assert.All(pids, pid => Assert.False(IsRunning(pid), $"PID {pid} outlived down.sh"));
        }
        finally
        {
            // A failed assertion must not leave the processes running.
            await Command.Run("bash", [Repo.PathOf("deploy", "local", "down.sh")], environment, TimeSpan.FromMinutes(2));
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    /// <summary>Running, not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
