using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Zgc.ServiceDefaults.Simulation;

/// <summary>The simulated clock as seen over HTTP.</summary>
public sealed record SimulationClockView(DateTimeOffset Now, DateOnly BeijingDate, TimeSpan Offset, double Speed);

/// <summary>
/// Moves the simulated clock: give <c>advanceDays</c>, <c>advanceBy</c> (a TimeSpan, e.g. "1.12:00:00") or <c>to</c> (an
/// instant, not in the past), and/or a new <c>speed</c>.
/// </summary>
public sealed record SimulationClockChange(double? AdvanceDays, TimeSpan? AdvanceBy, DateTimeOffset? To, double? Speed);

public static class SimulationExtensions
{
    /// <summary>
    /// With <c>Simulation:Enabled</c>, every service's <see cref="TimeProvider"/> becomes one <see cref="SimulationClock"/>.
    /// Called by <c>AddServiceDefaults</c> before the real clock is registered.
    /// </summary>
    internal static void AddSimulationClock(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SimulationOptions.Section).Get<SimulationOptions>() ?? new SimulationOptions();
        if (!options.Enabled)
        {
            return;
        }

        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Simulation:Enabled is refused in the Production environment: a simulated clock would close real notice periods and make reports fall due early.");
        }

        var now = TimeProvider.System.GetUtcNow();
        var clock = new SimulationClock(TimeProvider.System, options.Start ?? options.Anchor ?? now, options.Anchor ?? now, options.Speed);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
    }

    /// <summary>
    /// <c>GET /simulation/clock</c> (anyone: the console shows the simulated date to everybody) and
    /// <c>POST /simulation/clock</c> (admins). Mapped only when the clock is simulated.
    /// </summary>
    internal static void MapSimulationClock(this WebApplication app)
    {
        var clock = app.Services.GetService<SimulationClock>();
        if (clock is null)
        {
            return;
        }

        var group = app.MapGroup("/simulation/clock").WithTags("Simulation");
        group.MapGet("", () => TypedResults.Ok(View(clock))).AllowAnonymous();
        group.MapPost("", Change).RequireRoles(Roles.Admin);
        app.Logger.LogWarning("The clock is SIMULATED: now {Now:u} at {Speed}× real time. POST /simulation/clock moves it.", clock.GetUtcNow(), clock.Speed);
    }

    private static Results<Ok<SimulationClockView>, ValidationProblem> Change(SimulationClockChange change, SimulationClock clock, ILoggerFactory loggers)
    {
        var errors = new Dictionary<string, string[]>();
        var forms = new[] { change.AdvanceDays.HasValue, change.AdvanceBy.HasValue, change.To.HasValue }.Count(x => x);
        if (forms > 1)
        {
            errors["advanceDays"] = ["Give one of advanceDays, advanceBy or to. 只能给出其中一种推进方式。"];
        }

        var by = TimeSpan.Zero;
        if (change.AdvanceDays is { } days)
        {
            if (!double.IsFinite(days) || days < 0 || days > 3660)
            {
                errors["advanceDays"] = ["advanceDays is between 0 and 3660; the simulated clock only moves forward. 模拟时钟只能向前推进。"];
            }
            else
            {
                by = TimeSpan.FromDays(days);
            }
        }
        else if (change.AdvanceBy is { } span)
        {
            if (span < TimeSpan.Zero || span > TimeSpan.FromDays(3660))
            {
                errors["advanceBy"] = ["advanceBy is between 0 and 3660 days; the simulated clock only moves forward. 模拟时钟只能向前推进。"];
            }
            else
            {
                by = span;
            }
        }
        else if (change.To is { } to)
        {
            var now = clock.GetUtcNow();
            if (to < now)
            {
                errors["to"] = [$"to is before the simulated now ({now:u}); the simulated clock only moves forward. 模拟时钟只能向前推进。"];
            }
            else
            {
                by = to - now;
            }
        }

        if (change.Speed is { } speed && (!double.IsFinite(speed) || speed <= 0 || speed > 10_000_000))
        {
            errors["speed"] = ["speed is simulated seconds per real second, more than 0 and at most 10,000,000. 速度须大于0且不超过10,000,000。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (change.Speed is { } newSpeed)
        {
            clock.SetSpeed(newSpeed);
        }

        var moved = clock.Advance(by);
        loggers.CreateLogger(typeof(SimulationExtensions)).LogWarning("Simulated clock moved forward by {By} to {Now:u}", by, moved);
        return TypedResults.Ok(View(clock));
    }

    private static SimulationClockView View(SimulationClock clock)
    {
        var now = clock.GetUtcNow();
        return new SimulationClockView(now, Zgc.SharedKernel.BeijingTime.DateOf(now), clock.Offset, clock.Speed);
    }
}
