using Zgc.Testing;

namespace Zgc.Standalone.Tests.EndToEnd;

/// <summary>
/// The complete programme on the standalone composition with a controllable clock: every step through the owning
/// service's API as the actor the policy names, every hand-over through the bus, three construction years in seconds.
/// </summary>
public sealed class HappyPathTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Req", "S-SERVICES"), Trait("Req", "S-OPS"), Trait("Req", "R-A13-SUBPARK"), Trait("Req", "R-A13-EXPERT"), Trait("Req", "R-A13-MEETING")]
    [Trait("Req", "R-A13-NOTICE"), Trait("Req", "R-A13-AGREEMENT"), Trait("Req", "R-A10-Y1"), Trait("Req", "R-A10-Y23"), Trait("Req", "R-A14-ANNUAL")]
    [Trait("Req", "R-A14-EVAL")]
    public async Task A_platform_goes_from_submission_through_three_funded_construction_years_to_Completed()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        await HappyPathWalk.Walk(drive, IntakePayloads.DefaultUnit);
    }

    /// <summary>
    /// The operator's history of an instance is complete (issue 9: "full history"): a construction year closed by its
    /// evaluation moves the platform into the next year (the workflows README lists "UnderConstruction, year N → year N+1"
    /// among the transitions), so that step is in the history with its message like every other.
    /// </summary>
    [Fact, Trait("Req", "R-A14-EVAL"), Trait("Req", "S-OPS")]
    public async Task The_history_records_the_evaluation_that_moves_the_platform_into_its_next_construction_year()
    {
        await using var app = new ClockedStandaloneApp();
        using var drive = new LifecycleDriver(app, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var start = await app.Now();
        await drive.ReferenceFigures(start.Year, start.Year + 4);
        var (id, _) = await drive.ToUnderConstruction(unit);

        await drive.ReportAndEvaluate(id, unit, 1, "pass");

        var year2 = await drive.WaitForProgress(id, p => p.GetProperty("constructionYear").GetInt32() == 2, "construction year 2");
        var history = year2.GetProperty("transitions").EnumerateArray().ToList();
        var last = history[^1];
        Assert.True(last.GetProperty("event").GetString() == "Evaluated",
            $"the last history entry is the year-1 evaluation; the history is {string.Join(", ", history.Select(t => $"{t.GetProperty("event").GetString()}: {t.GetProperty("from").GetString()} → {t.GetProperty("to").GetString()}"))}");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, last.GetProperty("messageId").ValueKind);
    }
}
