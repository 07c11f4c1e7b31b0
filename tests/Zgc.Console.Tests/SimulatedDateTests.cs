namespace Zgc.Console.Tests;

/// <summary>The console on a simulated clock at real pace set to a known day.</summary>
public sealed class SimulatedConsoleApp : ConsoleApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulation:Enabled"] = "true",
        ["Simulation:Start"] = "2027-03-01T02:00:00Z",
        ["Simulation:Speed"] = "1",
    };
}

/// <summary>Issue 14: on a simulated clock every page shows the simulated date prominently; on a real clock nothing.</summary>
public sealed class SimulatedDateTests(SimulatedConsoleApp simulated) : IClassFixture<SimulatedConsoleApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_shows_the_simulated_beijing_date_and_its_pace()
    {
        using var browser = simulated.Browser();
        await ConsoleApp.SignIn(browser, "admin");

        var html = await ConsoleApp.Html(await browser.GetAsync("/", Ct));

        Assert.Contains("data-testid=\"simulated-date\"", html, StringComparison.Ordinal);
        // 02:00 UTC is 10:00 in Beijing (at real pace a few seconds have passed since the start).
        Assert.Contains("2027-03-01 10:0", html, StringComparison.Ordinal);
        Assert.Contains("模拟时钟", html, StringComparison.Ordinal);
        Assert.Contains("实时", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_clock_shows_no_simulation_banner()
    {
        await using var real = new ConsoleApp();
        using var browser = real.Browser();
        await ConsoleApp.SignIn(browser, "admin");

        var html = await ConsoleApp.Html(await browser.GetAsync("/", Ct));

        Assert.Contains("data-testid=\"current-user\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"simulated-date\"", html, StringComparison.Ordinal);
    }
}
