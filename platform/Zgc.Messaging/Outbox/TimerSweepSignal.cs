namespace Zgc.Messaging.Outbox;

/// <summary>
/// Tells the delivery worker of one service database that its consumers are taking due timers over themselves
/// (<see cref="IOutbox{TDb}.TakeDueTimers{T}"/> took all it asked for, so more are probably due): for
/// <see cref="Pause"/> after that the worker delivers only the messages and leaves the due timers to the sweeps. Without it
/// the worker sends the timers one by one ahead of the sweeps — 10,000 notices closing together cost a consumer transaction
/// each instead of one per 500 (docs/performance.md, fix 27). Nothing waits on the signal: once no sweep has taken a full
/// share for <see cref="Pause"/>, timers are delivered as before, so a sweep that failed, rolled back or stopped leaves
/// none behind, and the first timer of a backlog (the one that starts the sweeps) is always delivered.
/// </summary>
/// <param name="stopwatch">Real time in a service (<see cref="TimeProvider.System"/>): the pause is polling cadence, not
/// business time, so a simulated clock must not stretch or shrink it.</param>
public sealed class TimerSweepSignal<TDb>(TimeProvider stopwatch)
{
    /// <summary>How long after a sweep's full take the worker leaves due timers alone.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private long _lastFullTake;

    /// <summary>Whether a sweep took a full share of due timers less than <see cref="Pause"/> ago.</summary>
    public bool Sweeping
    {
        get
        {
            var last = Interlocked.Read(ref _lastFullTake);
            return last != 0 && stopwatch.GetElapsedTime(last) < Pause;
        }
    }

    /// <summary>A sweep took all the due timers it asked for.</summary>
    public void TookFullShare() => Interlocked.Exchange(ref _lastFullTake, stopwatch.GetTimestamp());
}
