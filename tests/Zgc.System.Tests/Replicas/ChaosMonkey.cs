using System.Diagnostics;

namespace Zgc.System.Tests.Replicas;

/// <summary>
/// Every few seconds (drawn from a seeded random, so a failing run can be repeated) kills one replica with SIGKILL; a
/// supervisor starts it again meanwhile (one restart at a time, in the order killed). One replica of each service always
/// stays up, as a rolling failure in production would leave it.
/// </summary>
internal sealed class ChaosMonkey(ServiceCluster cluster, int seed, Action<string> log)
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<Task> _restarts = [];
    private Task _loop = Task.CompletedTask;

    public int Kills { get; private set; }

    public void Start() => _loop = Task.Run(() => Run(_stop.Token));

    /// <summary>Stops killing and waits for every restart, so no replica is left down.</summary>
    public async Task Stop()
    {
        await _stop.CancelAsync();
        await _loop;
        await Task.WhenAll(_restarts);
        _stop.Dispose();
    }

    public void Log(string what) => log($"[{_watch.Elapsed.TotalSeconds,6:0.0} s] {what}");

    private async Task Run(CancellationToken stop)
    {
        var random = new Random(seed);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(2_000, 5_000), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // At most two processes down at a time: restarts take their turn (each holds the clocks still while it boots),
            // and a queue of them would stall the programme's clock for minutes.
            var candidates = _restarts.Count(t => !t.IsCompleted) >= 2
                ? []
                : cluster.Replicas.Where(r => r.Up && cluster.Replicas.Count(s => s.Folder == r.Folder && s.Up) > 1).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var victim = candidates[random.Next(candidates.Count)];
            var pid = victim.Process.ProcessId;
            await cluster.Kill(victim, CancellationToken.None);
            Kills++;
            Log($"kill -9 {victim} (pid {pid})");
            _restarts.Add(Restart(victim));
        }
    }

    private async Task Restart(Replica victim)
    {
        var restarting = Stopwatch.StartNew();
        await cluster.Restart(victim, CancellationToken.None);
        Log($"{victim} restarted (pid {victim.Process.ProcessId}) and ready after {restarting.Elapsed.TotalSeconds:0.0} s");
    }
}
