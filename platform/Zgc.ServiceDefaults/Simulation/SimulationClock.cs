namespace Zgc.ServiceDefaults.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> whose "now" is <c>start + (real − anchor) × speed</c>, and which can be moved forward
/// (never back: timers already fired and audit entries must stay in the past). Only the wall clock is simulated:
/// timestamps and timers (<see cref="TimeProvider.GetTimestamp"/>, <see cref="TimeProvider.CreateTimer"/>) stay real, so
/// poll intervals, timeouts and latency metrics keep their meaning while deadlines fall due at the simulated pace.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchorReal;
    private DateTimeOffset _anchorSimulated;
    private double _speed;

    public SimulationClock(TimeProvider real, DateTimeOffset start, DateTimeOffset anchor, double speed)
    {
        ArgumentNullException.ThrowIfNull(real);
        CheckSpeed(speed);
        _real = real;
        // Kept in UTC: "GetUtcNow" must answer with offset zero (Npgsql refuses other offsets for timestamptz).
        _anchorReal = anchor.ToUniversalTime();
        _anchorSimulated = start.ToUniversalTime();
        _speed = speed;
    }

    public double Speed
    {
        get
        {
            lock (_gate)
            {
                return _speed;
            }
        }
    }

    /// <summary>How far the simulated clock is ahead of the real one now.</summary>
    public TimeSpan Offset => GetUtcNow() - _real.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    public override DateTimeOffset GetUtcNow()
    {
        var real = _real.GetUtcNow();
        lock (_gate)
        {
            return Simulated(real);
        }
    }

    /// <summary>Moves the clock forward by <paramref name="by"/> (zero or more).</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The simulated clock only moves forward.");
        }

        var real = _real.GetUtcNow();
        lock (_gate)
        {
            _anchorSimulated = Simulated(real) + by;
            _anchorReal = real;
            return _anchorSimulated;
        }
    }

    /// <summary>Changes the pace from now on, without a jump.</summary>
    public void SetSpeed(double speed)
    {
        CheckSpeed(speed);
        var real = _real.GetUtcNow();
        lock (_gate)
        {
            _anchorSimulated = Simulated(real);
            _anchorReal = real;
            _speed = speed;
        }
    }

    private DateTimeOffset Simulated(DateTimeOffset real) => _anchorSimulated + TimeSpan.FromTicks((long)((real - _anchorReal).Ticks * _speed));

    private static void CheckSpeed(double speed)
    {
        if (!double.IsFinite(speed) || speed <= 0 || speed > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed is simulated seconds per real second: more than 0, at most 10,000,000.");
        }
    }
}
