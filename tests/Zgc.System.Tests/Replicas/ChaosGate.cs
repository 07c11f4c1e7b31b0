namespace Zgc.System.Tests.Replicas;

/// <summary>
/// Keeps the test's own HTTP calls and the chaos apart: a call holds the gate shared for its whole exchange, a kill, a
/// broker or database restart or a clock move holds it alone. So a process dies while messages, timers and outbox rows
/// are in flight inside the system — what the suite is about — but never under a request the test is waiting for, whose
/// outcome it could then not know (a lost answer to a POST is a client-side ambiguity, not the system's).
/// </summary>
internal sealed class ChaosGate
{
    private readonly SemaphoreSlim _turnstile = new(1, 1);
    private int _inFlight;

    public async Task<IDisposable> Shared(CancellationToken cancellationToken)
    {
        await _turnstile.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _inFlight);
        _turnstile.Release();
        return new Release(() => Interlocked.Decrement(ref _inFlight));
    }

    public async Task<IDisposable> Exclusive(CancellationToken cancellationToken)
    {
        await _turnstile.WaitAsync(cancellationToken);
        try
        {
            while (Volatile.Read(ref _inFlight) > 0)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
        catch
        {
            _turnstile.Release();
            throw;
        }

        return new Release(() => _turnstile.Release());
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                release();
            }
        }
    }
}
