using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.SubPark;

/// <summary>
/// The sub-park officer's pages: an application submitted over the API shows in the officer's inbox, needing action; the
/// officer accepts it, records the preliminary review and recommends it through the page; the service's refusal of a
/// ranking of 0 shows next to the ranking, with what was typed kept.
/// </summary>
public sealed class SubParkPagesTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    [Fact]
    [Trait("Req", "R-A13-SUBPARK")]
    public async Task The_officer_accepts_reviews_and_recommends_an_application_and_sees_the_services_reason_for_a_refused_ranking()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var id = await driver.Submit(IntakePayloads.DefaultUnit);

        var page = await programme.SignedIn("subpark-haidian");
        await page.GotoAsync("subpark");
        await BrowserProgramme.Interactive(page);
        var row = page.Locator($"[data-testid=application-row][data-application-id='{id}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(row.GetByTestId("application-next")).ToHaveTextAsync("受理");
        await BrowserProgramme.Screenshot(page, "subpark-inbox");

        await row.GetByTestId("application-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.EndsWith($"/subpark/applications/{id}", StringComparison.Ordinal), $"/subpark/applications/{id}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("screening-result")).ToHaveAttributeAsync("data-eligible", "true");

        await page.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveAttributeAsync("data-status", "Accepted");

        // The opinion is checked as it is typed: emptied, the field says it is required.
        await page.GetByTestId("review-opinion").FillAsync("x");
        await page.GetByTestId("review-opinion").FillAsync("");
        await Assertions.Expect(page.Locator("[data-testid=field-error][data-field=opinion]")).ToBeVisibleAsync();
        await page.GetByTestId("review-opinion").FillAsync("材料齐全，建设基础较好。");
        await page.GetByTestId("review-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveAttributeAsync("data-status", "PreliminaryReviewed");

        // Ranking 0: intake refuses it and its rule shows under the ranking; the comment typed stays.
        await page.GetByTestId("recommend-ranking").FillAsync("0");
        await page.GetByTestId("recommend-comment").FillAsync("择优推荐");
        await page.GetByTestId("recommend-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-error")).ToHaveAttributeAsync("data-error-kind", "Invalid");
        var rankingError = page.Locator("[data-testid=field-error][data-field=ranking]");
        await Assertions.Expect(rankingError).ToContainTextAsync("R-A13-SUBPARK");
        await Assertions.Expect(rankingError).ToContainTextAsync("推荐排序须为从1开始的整数");
        await Assertions.Expect(page.GetByTestId("recommend-comment")).ToHaveValueAsync("择优推荐");
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveAttributeAsync("data-status", "PreliminaryReviewed");

        await page.GetByTestId("recommend-ranking").FillAsync("1");
        await page.GetByTestId("recommend-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveAttributeAsync("data-status", "Recommended");
        await Assertions.Expect(page.GetByTestId("fact-ranking")).ToHaveTextAsync("1");
        await driver.WaitForState(id, "ExpertReview");

        // Back in the inbox the application no longer waits for the officer.
        await page.GetByTestId("back-to-inbox").ClickAsync();
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator($"[data-testid=application-row][data-application-id='{id}']")).ToHaveAttributeAsync("data-status", "Recommended");
    }

    [Fact]
    public async Task An_action_the_status_no_longer_allows_shows_the_current_status()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var id = await driver.Submit(IntakePayloads.OtherUnit);

        var page = await programme.SignedIn("subpark-haidian");
        await page.GotoAsync($"subpark/applications/{id}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("accept")).ToBeVisibleAsync();

        // Meanwhile another officer of the sub-park accepts and returns it.
        await driver.SubParkDecides(id, "return", "请补充材料");

        await page.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-error")).ToHaveAttributeAsync("data-error-kind", "Conflict");
        await Assertions.Expect(page.GetByTestId("conflict-status")).ToHaveAttributeAsync("data-status", "Returned");
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveAttributeAsync("data-status", "Returned");
    }
}
