using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Expert;

/// <summary>
/// The expert's pages (R-A13-EXPERT): each drawn expert finds the assignment in the inbox, declares no conflict, reads
/// the material and scores; the last score closes the panel and the application goes to the director office meeting.
/// </summary>
public sealed class ExpertPageTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Criteria = ["significance", "foundation", "team", "innovation", "integration", "content", "targets", "funding"];

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task Five_experts_declare_and_score_in_the_console_and_the_panel_supports_the_application()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var id = await ConsoleExpertPanel.ToExpertReview(driver, IntakePayloads.DefaultUnit);
        var panelId = await ConsoleExpertPanel.Draw(driver, id, Ct);

        foreach (var expert in ConsoleExpertPanel.Experts)
        {
            var page = await programme.SignedIn(expert);
            await page.GotoAsync("expert");
            await BrowserProgramme.Interactive(page);
            var row = page.Locator($"[data-testid=assignment-row][data-panel-id='{panelId}']");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-due", "declare");
            if (expert == "expert")
            {
                await BrowserProgramme.Screenshot(page, "expert-inbox");
            }

            await row.GetByTestId("assignment-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("declaration-form")).ToBeVisibleAsync();
            // Nothing of the material before the declaration.
            await Assertions.Expect(page.GetByTestId("material")).ToHaveCountAsync(0);
            await page.GetByTestId("declare-no-conflict").CheckAsync();
            await page.GetByTestId("declare-submit").ClickAsync();

            await Assertions.Expect(page.GetByTestId("material-platform")).ToBeVisibleAsync();
            foreach (var criterion in Criteria)
            {
                await page.GetByTestId("score-" + criterion).FillAsync("85");
            }

            await page.GetByTestId("score-comment").FillAsync("建设基础扎实，团队结构合理");
            await page.GetByTestId("score-support-yes").CheckAsync();
            await Assertions.Expect(page.GetByTestId("score-average")).ToHaveTextAsync("85");
            await page.GetByTestId("score-submit").ClickAsync();

            await Assertions.Expect(page.GetByTestId("assignment-status")).ToHaveAttributeAsync("data-status", "Submitted");
            await Assertions.Expect(page.GetByTestId("my-scores")).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }

        // The fifth score closes the panel: supported, so the case waits for the meeting.
        await driver.WaitForState(id, "AwaitingMeeting");
    }

    [Fact, Trait("Req", "R-A13-EXPERT")]
    public async Task A_score_out_of_range_shows_an_error_next_to_its_field_and_a_conflict_declines_with_its_reason()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var id = await ConsoleExpertPanel.ToExpertReview(driver, IntakePayloads.OtherUnit);
        var panelId = await ConsoleExpertPanel.Draw(driver, id, Ct);

        var page = await programme.SignedIn("expert-2", "en");
        await page.GotoAsync($"expert/assignments/{panelId}");
        await BrowserProgramme.Interactive(page);
        await page.GetByTestId("declare-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("score-form")).ToBeVisibleAsync();

        await page.GetByTestId("score-team").FillAsync("120");
        var teamError = page.Locator("[data-testid=field-error][data-field=team]");
        await Assertions.Expect(teamError).ToContainTextAsync("Between 0 and 100");
        await Assertions.Expect(page.GetByTestId("score-team")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByTestId("score-team").FillAsync("99.5");
        await Assertions.Expect(teamError).ToHaveCountAsync(0);

        // A submit with missing criteria is stopped at the page, each missing field marked, nothing typed lost.
        await page.GetByTestId("score-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=field-error][data-field=significance]")).ToContainTextAsync("Required");
        await Assertions.Expect(page.Locator("[data-testid=field-error][data-field=support]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("score-team")).ToHaveValueAsync("99.5");

        // Another expert has a conflict: the reason is required, and declining takes them off the panel.
        var other = await programme.SignedIn("expert-3", "en");
        await other.GotoAsync($"expert/assignments/{panelId}");
        await BrowserProgramme.Interactive(other);
        await other.GetByTestId("declare-conflict").CheckAsync();
        await other.GetByTestId("declare-submit").ClickAsync();
        await Assertions.Expect(other.Locator("[data-testid=field-error][data-field=reason]")).ToBeVisibleAsync();
        await other.GetByTestId("decline-reason").FillAsync("Former employee of the applicant within three years");
        await other.GetByTestId("declare-submit").ClickAsync();
        await Assertions.Expect(other.GetByTestId("assignment-status")).ToHaveAttributeAsync("data-status", "Declined");
        await Assertions.Expect(other.GetByTestId("material")).ToHaveCountAsync(0);
    }
}
