using System.Threading.RateLimiting;

namespace Zgc.ServiceDefaults.Limits;

/// <summary>
/// A request's turn under the in-flight limit (<see cref="InFlightLimit"/>), kept in the request's features so that a
/// handler that only waits can give it up for the wait (<see cref="InFlightLimit.OutsideTurn{T}"/>).
/// </summary>
internal sealed class InFlightTurn : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private RateLimitLease? _lease;

    private InFlightTurn(ConcurrencyLimiter limiter, RateLimitLease lease)
    {
        _limiter = limiter;
        _lease = lease;
    }

    /// <summary>A turn, after waiting in line for it; null when the line is full (the request is refused).</summary>
    public static async Task<InFlightTurn?> Take(ConcurrencyLimiter limiter, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return null;
        }

        return new InFlightTurn(limiter, lease);
    }

    public void Leave()
    {
        _lease?.Dispose();
        _lease = null;
    }

    /// <summary>
    /// Takes a turn again after a wait. When the line is full the request goes on without one: it has already waited, what
    /// is left is a small read, and refusing it now would only bring the client back for another wait.
    /// </summary>
    public async Task Return(CancellationToken cancellationToken)
    {
        if (_lease is not null)
        {
            return;
        }

        var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            _lease = lease;
        }
        else
        {
            lease.Dispose();
        }
    }

    public void Dispose() => Leave();
}
