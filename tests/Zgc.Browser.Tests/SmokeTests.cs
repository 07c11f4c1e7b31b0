using Microsoft.Playwright;

namespace Zgc.Browser.Tests;

/// <summary>The harness itself: Chromium reaches the console over loopback, signs in, and the circuit goes live.</summary>
public sealed class SmokeTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    [Fact]
    public async Task A_committee_officer_signs_in_and_sees_the_lifecycle_instances()
    {
        var page = await programme.SignedIn("committee");
        await page.GotoAsync("workflows");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("流程实例");
        await Assertions.Expect(page.GetByTestId("instances-empty")).ToBeVisibleAsync();
    }
}
