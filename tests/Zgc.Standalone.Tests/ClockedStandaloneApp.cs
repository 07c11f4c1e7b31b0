using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zgc.Testing;

namespace Zgc.Standalone.Tests;

/// <summary>
/// The standalone composition (six services, in-memory bus, SQLite) on a <see cref="FakeTimeProvider"/>: every service,
/// its timers and the outbox delivery read this clock, so a test moves three programme years in seconds. Tokens live in
/// real time (the platform issues and validates them by the system clock), so they stay valid however far the clock moves.
/// </summary>
public sealed class ClockedStandaloneApp(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null)
    : ServiceAppFactory<Program>, IProgrammeHost
{
    /// <summary>Monday 2 March 2026, 09:00 in Beijing: a working day, so a notice published now starts today.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public ClockedStandaloneApp()
        : this(MondayMorning)
    {
    }

    public FakeTimeProvider Clock { get; } = new(start);

    protected override IReadOnlyDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient Client(string service, string? role, string? unit = null, string? subPark = null, string? user = null) =>
        DriverClientFor(role, unit, subPark, user);

    public Task<DateTimeOffset> Now() => Task.FromResult(Clock.GetUtcNow());

    public Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        return Task.CompletedTask;
    }
}
