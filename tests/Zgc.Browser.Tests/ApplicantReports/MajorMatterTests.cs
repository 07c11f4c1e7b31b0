using Microsoft.Playwright;
using Zgc.Console.Auth;
using Zgc.Testing;

namespace Zgc.Browser.Tests.ApplicantReports;

/// <summary>The unit reports a major matter of its platform under construction in the console and sees it listed.</summary>
public sealed class MajorMatterTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private const string Unit = ConsoleUsers.SeededApplicantUnit;

    [Fact]
    [Trait("Req", "R-A14-MAJOR")]
    public async Task The_unit_reports_a_change_of_principal_and_sees_it_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var (id, agreementId) = await driver.ToUnderConstruction(Unit);

        var page = await programme.SignedIn("applicant");
        await page.GotoAsync("applicant");
        await BrowserProgramme.Interactive(page);
        await page.Locator($"[data-testid=agreement-row][data-agreement-id='{agreementId}']").GetByTestId("matters-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.Contains($"/applicant/platforms/{id}/major-matters", StringComparison.Ordinal), $"/applicant/platforms/{id}/major-matters");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("matters-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("field-error")).ToHaveCountAsync(0);

        // An empty form names every required field; a change of principal also asks for the new principal.
        await page.GetByTestId("matter-submit").ClickAsync();
        foreach (var field in new[] { "kind", "title", "details", "occurredOn" })
        {
            await Assertions.Expect(FieldError(page, field)).ToBeVisibleAsync();
        }

        await page.GetByTestId("matter-kind").SelectOptionAsync("ChangeOfPrincipal");
        await page.GetByTestId("matter-title-input").FillAsync("平台主要负责人变更");
        await page.GetByTestId("matter-details").FillAsync("原负责人李四调任，由王五接任平台主要负责人。");
        await page.GetByTestId("matter-occurred").FillAsync("2026-03-01");
        await page.GetByTestId("matter-submit").ClickAsync();
        await Assertions.Expect(FieldError(page, "newPrincipal")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("matter-row")).ToHaveCountAsync(0);

        await page.GetByTestId("matter-principal").FillAsync("王五");
        await page.GetByTestId("matter-attachments").FillAsync("任命文件 2026-01号");
        await Assertions.Expect(page.GetByTestId("field-error")).ToHaveCountAsync(0);
        await page.GetByTestId("matter-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("matter-reported")).ToBeVisibleAsync();
        var row = page.GetByTestId("matter-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-kind", "ChangeOfPrincipal");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Reported");
        await Assertions.Expect(row).ToContainTextAsync("王五");
        await Assertions.Expect(page.GetByTestId("matter-title-input")).ToHaveValueAsync("");

        // The service has it: it is still listed after a reload.
        await page.ReloadAsync();
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("matter-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("matter-title")).ToHaveTextAsync("平台主要负责人变更");
        await Assertions.Expect(page.GetByTestId("field-error")).ToHaveCountAsync(0);
        await BrowserProgramme.Screenshot(page, "applicant-major-matters");
    }

    private static ILocator FieldError(IPage page, string field) => page.Locator($"[data-testid=field-error][data-field='{field}']");
}
