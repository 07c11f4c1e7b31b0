using System.Diagnostics;
using Zgc.SharedKernel;
using Zgc.Testing;

namespace Zgc.Standalone.Tests.EndToEnd;

/// <summary>
/// Issue 14: the simulated clock drives one application from submission to completion in well under a minute of real
/// time, and the timers fire on their simulated dates — the same three-year walk as <see cref="HappyPathTests"/>, with the
/// product's own clock instead of a test double.
/// </summary>
public sealed class SimulatedLifecycleTests(ITestOutputHelper output)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Req", "R-A13-NOTICE"), Trait("Req", "R-A14-ANNUAL")]
    public async Task The_simulated_clock_takes_an_application_from_submission_to_Completed_with_every_timer_on_its_simulated_date()
    {
        await using var app = new SimulatedStandaloneApp(ClockedStandaloneApp.MondayMorning);
        using var drive = new LifecycleDriver(app, Ct);
        var watch = Stopwatch.StartNew();

        var completed = await HappyPathWalk.Walk(drive, IntakePayloads.DefaultUnit);

        watch.Stop();
        var simulated = await app.Now() - ClockedStandaloneApp.MondayMorning;
        output.WriteLine($"{simulated.TotalDays:0} simulated days from submission to Completed in {watch.Elapsed.TotalSeconds:0.0} s of real time.");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"the walk took {watch.Elapsed} of real time");
        Assert.True(simulated > TimeSpan.FromDays(3 * 365), "three construction years passed on the simulated clock");

        // The notice-closing timer fired on the simulated day the period ended (its 24:00 Beijing), not on the real one.
        var id = completed.GetProperty("id").GetGuid();
        var notice = await drive.Notice(id);
        var closesAt = notice.GetProperty("closesAt").GetDateTimeOffset();
        var closedAt = notice.GetProperty("closedAt").GetDateTimeOffset();
        Assert.True(closedAt >= closesAt, $"closed at {closedAt}, not before its end {closesAt}");
        Assert.Equal(BeijingTime.DateOf(closesAt), BeijingTime.DateOf(closedAt));
        var included = completed.GetProperty("transitions").EnumerateArray().Single(t => t.GetProperty("to").GetString() == "Included");
        Assert.Equal(BeijingTime.DateOf(closesAt), BeijingTime.DateOf(included.GetProperty("at").GetDateTimeOffset()));
        // Months before today's real date: the simulated calendar, not the machine's, decided the day.
        Assert.True(closedAt < ClockedStandaloneApp.MondayMorning.AddDays(120), $"closed at {closedAt}, on the simulated calendar");
    }
}
