using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Operations;

/// <summary>
/// S-OPS (operations teams watch their workflows): the platform page follows its instance while it is open — a step taken
/// elsewhere shows there without a reload (the page long-polls the instance, services/workflows/README.md).
/// </summary>
public sealed class LivePlatformPageTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_platform_page_shows_a_step_taken_elsewhere_without_a_reload()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var id = await driver.ToAwaitingMeeting(IntakePayloads.DefaultUnit);

        var page = await programme.SignedIn("committee");
        await page.GotoAsync($"workflows/{id}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("current-state")).ToContainTextAsync("待主任办公会审议");
        var transitions = await page.GetByTestId("transition").CountAsync();
        // Marks this document: a reload would lose it.
        await page.EvaluateAsync("() => { window.zgcNotReloaded = true; }");

        // The meeting approves in another session; the notice is published.
        await driver.Decide(await driver.Meeting(id), id, "approve");
        await driver.WaitForState(id, "InNotice");

        var patient = new LocatorAssertionsToContainTextOptions { Timeout = 30_000 };
        await Assertions.Expect(page.GetByTestId("current-state")).ToContainTextAsync("公示中", patient);
        await Assertions.Expect(page.GetByTestId("transition")).Not.ToHaveCountAsync(transitions, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=pending-timer][data-message-type*=CloseNotice]")).ToContainTextAsync("天", patient);
        Assert.True(await page.EvaluateAsync<bool>("() => window.zgcNotReloaded === true"), "the page changed in place, without a reload");
        await BrowserProgramme.Screenshot(page, "committee-platform-page-live");
    }
}
