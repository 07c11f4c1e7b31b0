using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Agreements;

/// <summary>
/// A later construction year on the committee's agreement page (R-A10-Y23): once year 1 is paid and its evaluation
/// passed, year 2 awaits its award, and the committee awards it at its cap from the page.
/// </summary>
public sealed class LaterYearAwardTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A10-Y23")]
    public async Task The_committee_awards_year_two_at_its_cap_from_the_agreement_page()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var start = await programme.Now();
        await driver.ReferenceFigures(start.Year, start.Year + 4);
        var (id, agreementId) = await driver.ToUnderConstruction(unit);
        await driver.PayYear(id, 1);
        await driver.ReportAndEvaluate(id, unit, 1, "pass");
        var year2 = await Eventually.Get(() => driver.FundingYear(agreementId, 2), y => y?.GetProperty("status").GetString() == "AwaitingAward",
            "year 2 awaiting its award");
        var capFen = year2!.Value.GetProperty("cap").GetProperty("capFen").GetInt64();

        var page = await programme.SignedIn("committee");
        await page.GotoAsync($"committee/agreements/{agreementId}");
        await BrowserProgramme.Interactive(page);
        var yearRow = page.Locator("[data-testid=funding-year][data-year='2']");
        await Assertions.Expect(yearRow).ToHaveAttributeAsync("data-status", "AwaitingAward");
        var form = page.Locator("[data-testid=award-form][data-year='2']");
        await Assertions.Expect(form.GetByTestId("award-amount")).ToHaveValueAsync((capFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        // Above the cap is refused as it is typed.
        await form.GetByTestId("award-amount").FillAsync(((capFen + 1) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=field-error][data-field=amountFen]")).ToBeVisibleAsync();

        await form.GetByTestId("award-at-cap").ClickAsync();
        await Assertions.Expect(yearRow).ToHaveAttributeAsync("data-status", "Due");
        await Assertions.Expect(page.GetByTestId("agreement-message")).ToBeVisibleAsync();
        var awarded = await driver.FundingYear(agreementId, 2);
        Assert.Equal(capFen, awarded!.Value.GetProperty("awardFen").GetInt64());
    }
}
