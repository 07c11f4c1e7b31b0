using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Operations;

/// <summary>
/// S-OPS (operations teams watch their workflows): the instance list in Chromium over the standalone programme — the
/// dashboard's per-state link opens it filtered, it says which rows of how many it shows, its next page continues
/// behind the last row (the service's cursor), and the filter form narrows it.
/// </summary>
public sealed class InstanceListTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_list_is_filtered_from_the_dashboard_paged_behind_its_last_row_and_narrowed_by_the_form()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var recommended = await driver.Submit(IntakePayloads.DefaultUnit);
        var waiting = new[]
        {
            await driver.Submit(IntakePayloads.OtherUnit),
            await driver.Submit(IntakePayloads.WithCheckCharacter("91110108MA04PQRT5")),
        };
        await driver.Recommend(recommended);
        await driver.WaitForState(recommended, "ExpertReview");

        var page = await programme.SignedIn("committee");
        await page.GotoAsync("dashboard");
        await BrowserProgramme.Interactive(page);
        await page.Locator("[data-testid=state-count][data-state=SubParkReview] a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("instances-count")).ToHaveTextAsync("第 1–2 个，共 2 个实例");
        await Assertions.Expect(page.GetByTestId("filter-state")).ToHaveValueAsync("SubParkReview");
        await Assertions.Expect(page.GetByTestId("instances-next")).ToHaveCountAsync(0);

        // One row a page: the next page holds the other instance, the last names no next page, "first page" goes back.
        await page.GotoAsync("workflows?state=SubParkReview&size=1");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("instances-count")).ToHaveTextAsync("第 1–1 个，共 2 个实例");
        var first = await page.GetByTestId("instance-row").GetAttributeAsync("data-instance-id");
        await page.GetByTestId("instances-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instances-count")).ToHaveTextAsync("第 2–2 个，共 2 个实例");
        await Assertions.Expect(page.GetByTestId("instance-row")).Not.ToHaveAttributeAsync("data-instance-id", first!);
        var second = await page.GetByTestId("instance-row").GetAttributeAsync("data-instance-id");
        Assert.Equal(waiting.Select(i => i.ToString()).Order(), new[] { first, second }.Order());
        await Assertions.Expect(page.GetByTestId("instances-next")).ToHaveCountAsync(0);
        await BrowserProgramme.Screenshot(page, "committee-instance-list-page-2");
        await page.GetByTestId("instances-first").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instances-count")).ToHaveTextAsync("第 1–1 个，共 2 个实例");
        await Assertions.Expect(page.GetByTestId("instance-row")).ToHaveAttributeAsync("data-instance-id", first!);

        // The form: another state, every row of it.
        await page.GetByTestId("filter-state").SelectOptionAsync("ExpertReview");
        await page.GetByTestId("filter-size").SelectOptionAsync("50");
        await page.GetByTestId("apply-filter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instance-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("instance-row")).ToHaveAttributeAsync("data-instance-id", recommended.ToString());
        await Assertions.Expect(page.GetByTestId("instance-state")).ToContainTextAsync("专家评审中");
        await Assertions.Expect(page.GetByTestId("instances-count")).ToHaveTextAsync("第 1–1 个，共 1 个实例");
    }
}
