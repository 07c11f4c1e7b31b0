namespace Zgc.Testing;

/// <summary>Polls until an asynchronous effect (a message delivered, a state reached) is visible, or fails with a message.</summary>
public static class Eventually
{
    private static readonly AsyncLocal<TimeSpan?> Patient = new();
    private static readonly AsyncLocal<TimeSpan?> Interval = new();

    /// <summary>
    /// Within the returned scope (this async flow only), waits without their own timeout last <paramref name="timeout"/>
    /// instead of 30 s: a chaos test's effects may wait for a restarted process or broker.
    /// </summary>
    public static IDisposable Patience(TimeSpan timeout)
    {
        var before = Patient.Value;
        Patient.Value = timeout;
        return new Restore(() => Patient.Value = before);
    }

    /// <summary>
    /// Within the returned scope, polls every <paramref name="interval"/> instead of every 100 ms: the programme bench walks
    /// many applications at once, and ten polls a second from each would be a load of their own on the services it measures.
    /// </summary>
    public static IDisposable PollEvery(TimeSpan interval)
    {
        var before = Interval.Value;
        Interval.Value = interval;
        return new Restore(() => Interval.Value = before);
    }

    /// <summary>How long a wait without its own timeout lasts here: 30 s, or what <see cref="Patience"/> set.</summary>
    public static TimeSpan Timeout => Patient.Value ?? TimeSpan.FromSeconds(30);

    /// <summary>How long to wait between two polls here: 100 ms, or what <see cref="PollEvery"/> set.</summary>
    public static TimeSpan PollInterval => Interval.Value ?? TimeSpan.FromMilliseconds(100);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, Func<T?, bool> done, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return last!;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
    }

    public static Task True(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        Get(async () => (bool?)await probe(), v => v == true, what, timeout);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
