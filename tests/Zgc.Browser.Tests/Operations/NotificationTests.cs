using Microsoft.Playwright;
using Zgc.Console.Auth;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Operations;

/// <summary>In-app notifications: the applicant hears of a return for correction, and marking it read is remembered.</summary>
public sealed class NotificationTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Req", "R-A13-SUBPARK")]
    public async Task The_applicant_is_notified_of_a_return_for_correction_and_can_mark_it_read()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var id = await driver.Submit(ConsoleUsers.SeededApplicantUnit);
        await driver.SubParkDecides(id, "return", "缺少场地证明材料");

        var page = await programme.SignedIn("applicant");
        await Assertions.Expect(page.GetByTestId("notification-count")).ToBeVisibleAsync();
        await page.GotoAsync("notifications");
        await BrowserProgramme.Interactive(page);
        var returned = page.Locator("[data-testid=notification][data-kind=application]");
        await Assertions.Expect(returned).ToContainTextAsync("退回补正");
        await Assertions.Expect(returned).ToHaveAttributeAsync("data-unread", "true");
        await Assertions.Expect(returned.GetByTestId("notification-open")).ToHaveAttributeAsync("href", $"applicant/applications/{id}");

        // A plain form post: the browser loads /notifications again once the read marks are set.
        await page.RunAndWaitForResponseAsync(() => page.GetByTestId("notifications-mark-read").ClickAsync(),
            r => r.Request.Method == "GET" && r.Url.EndsWith("/notifications", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.Load);
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator("[data-testid=notification][data-kind=application]")).ToHaveAttributeAsync("data-unread", "false");
        await Assertions.Expect(page.GetByTestId("notification-count")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_sub_park_officer_is_notified_of_an_application_waiting_for_acceptance()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        await driver.Submit(IntakePayloads.OtherUnit);

        var page = await programme.SignedIn("subpark-haidian", "en");
        await page.GotoAsync("notifications");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator("[data-testid=notification][data-kind=subpark]").First).ToContainTextAsync("waiting for acceptance");
    }
}
