using Microsoft.Playwright;

namespace Zgc.Browser.Tests.Applicant;

/// <summary>The applicant's own path through the console only: register the unit, write the application, submit it.</summary>
public sealed class ApplicantWalkTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    [Fact]
    [Trait("Req", "R-A13-APPLY")]
    public async Task An_applicant_registers_its_unit_writes_an_application_with_a_csv_of_enterprises_and_submits_it_eligible()
    {
        var page = await programme.SignedIn("applicant");
        await page.GotoAsync("applicant");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("inbox-unit")).ToHaveAttributeAsync("data-registered", "false");
        await Assertions.Expect(page.GetByTestId("applications-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("agreements-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("payments-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("reports-empty")).ToBeVisibleAsync();

        await page.GetByTestId("unit-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.EndsWith("/applicant/unit", StringComparison.Ordinal), "/applicant/unit");
        await ApplicantUi.RegisterUnit(page);

        await page.GetByTestId("unit-new-application").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.EndsWith("/applicant/applications/new", StringComparison.Ordinal), "/applicant/applications/new");
        await BrowserProgramme.Interactive(page);
        await ApplicantUi.FillEligibleApplication(page, "增材制造协同创新平台");
        await ApplicantUi.Submit(page);

        await Assertions.Expect(page.GetByTestId("app-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.GetByTestId("screening")).ToHaveAttributeAsync("data-eligible", "true");
        await Assertions.Expect(page.GetByTestId("screening-rule")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("[data-testid=screening-rule][data-passed=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=screening-rule][data-rule=R-A7-INTEGRATION]")).ToContainTextAsync("10");
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await BrowserProgramme.Screenshot(page, "applicant-application-submitted");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/applicant/applications/[0-9a-f-]{36}$"));

        await page.GetByTestId("back-to-inbox").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.EndsWith("/applicant", StringComparison.Ordinal), "/applicant");
        await Assertions.Expect(page.GetByTestId("inbox-unit")).ToHaveAttributeAsync("data-registered", "true");
        var row = page.GetByTestId("application-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(row.GetByTestId("application-view")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("applications-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^data:text/csv"));
        await page.GetByTestId("applications-filter").FillAsync("不存在的平台");
        await Assertions.Expect(page.GetByTestId("applications-none-match")).ToBeVisibleAsync();
        await page.GetByTestId("applications-filter").FillAsync("增材");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await BrowserProgramme.Screenshot(page, "applicant-inbox");
    }
}
