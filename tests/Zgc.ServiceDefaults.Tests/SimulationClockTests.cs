using Microsoft.Extensions.Time.Testing;
using Zgc.ServiceDefaults.Simulation;

namespace Zgc.ServiceDefaults.Tests;

public sealed class SimulationClockTests
{
    private static readonly DateTimeOffset RealStart = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SimulatedStart = new(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Simulated_time_runs_at_the_speed_from_the_start()
    {
        var real = new FakeTimeProvider(RealStart);
        var clock = new SimulationClock(real, SimulatedStart, RealStart, speed: 86_400);

        Assert.Equal(SimulatedStart, clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(SimulatedStart.AddDays(3), clock.GetUtcNow());
    }

    [Fact]
    public void Processes_sharing_start_and_anchor_agree_whenever_they_started()
    {
        var real = new FakeTimeProvider(RealStart.AddSeconds(10));
        var late = new SimulationClock(real, SimulatedStart, RealStart, speed: 3_600);
        Assert.Equal(SimulatedStart.AddHours(10), late.GetUtcNow());
    }

    [Fact]
    public void Advancing_jumps_forward_and_keeps_the_pace()
    {
        var real = new FakeTimeProvider(RealStart);
        var clock = new SimulationClock(real, SimulatedStart, RealStart, speed: 2);

        clock.Advance(TimeSpan.FromDays(7));
        real.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(SimulatedStart.AddDays(7).AddSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void A_new_speed_applies_from_now_without_a_jump()
    {
        var real = new FakeTimeProvider(RealStart);
        var clock = new SimulationClock(real, SimulatedStart, RealStart, speed: 1);
        real.Advance(TimeSpan.FromSeconds(60));

        clock.SetSpeed(60);
        Assert.Equal(SimulatedStart.AddMinutes(1), clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SimulatedStart.AddMinutes(2), clock.GetUtcNow());
    }

    [Fact]
    public void The_clock_never_moves_back()
    {
        var clock = new SimulationClock(new FakeTimeProvider(RealStart), SimulatedStart, RealStart, speed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetSpeed(0));
        Assert.Equal(SimulatedStart, clock.GetUtcNow());
    }
}
