using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zgc.Console.Auth;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Browser.Tests.ApplicantReports;

/// <summary>
/// The unit writes its year-1 annual report in the console: from the inbox's "reports due" to the form, a bad value shown
/// next to its field as typed, the corrected figures saved as exact fen, and the submission (then read-only).
/// </summary>
public sealed class AnnualReportTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private const string Unit = ConsoleUsers.SeededApplicantUnit;

    [Fact]
    [Trait("Req", "R-A14-ANNUAL")]
    public async Task The_unit_fills_its_annual_report_corrects_a_bad_value_and_submits_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var (id, _) = await driver.ToUnderConstruction(Unit);
        var report = await driver.Report(id, Unit, 1);
        var reportId = report.GetProperty("id").GetGuid();
        // The year is over: the report is written in the weeks after its period, before it is due.
        await driver.PastReportPeriod(report);

        var page = await programme.SignedIn("applicant");
        await page.GotoAsync("applicant");
        await BrowserProgramme.Interactive(page);
        var row = page.Locator($"[data-testid=report-row][data-report-id='{reportId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Open");
        await row.GetByTestId("report-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.Contains($"/applicant/reports/{reportId}", StringComparison.Ordinal), $"/applicant/reports/{reportId}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(page.GetByTestId("report-period")).ToContainTextAsync(report.GetProperty("periodStart").GetString()!);
        await Assertions.Expect(page.GetByTestId("report-due")).ToHaveTextAsync(report.GetProperty("dueOn").GetString()!);

        await ApplicantReportsUi.FillIndicators(page);
        // Bad values are flagged next to their fields as typed, and keep the report from being sent.
        await page.GetByTestId("ind-smesDriven").FillAsync("-3");
        await page.GetByTestId("ind-rdExpenditure").FillAsync("65000.123");
        await Assertions.Expect(FieldError(page, "smesDriven")).ToBeVisibleAsync();
        await Assertions.Expect(FieldError(page, "rdExpenditure")).ToBeVisibleAsync();
        await page.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-invalid")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(page.GetByTestId("ind-smesDriven")).ToHaveValueAsync("-3");

        await page.GetByTestId("ind-smesDriven").FillAsync("10");
        await page.GetByTestId("ind-rdExpenditure").FillAsync("65000.12");
        await Assertions.Expect(page.GetByTestId("field-error")).ToHaveCountAsync(0);
        await page.GetByTestId("report-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-saved")).ToBeVisibleAsync();

        // The typed yuan reached the service as exact fen.
        var saved = await driver.As("monitoring", Roles.Applicant, unit: Unit).GetFromJsonAsync<JsonElement>($"/monitoring/reports/{reportId}", ct);
        var indicators = saved.GetProperty("indicators");
        Assert.Equal(6_500_012, indicators.GetProperty("rdExpenditure").GetInt64());
        Assert.Equal(10, indicators.GetProperty("smesDriven").GetInt32());
        Assert.Equal(8_000_000_00, indicators.GetProperty("investments")[0].GetProperty("total").GetInt64());
        Assert.Equal(6, indicators.GetProperty("targets")[0].GetProperty("achieved").GetInt64());

        await page.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.GetByTestId("report-submitted")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-late")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("report-readonly")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ind-smesDriven")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("report-submit")).ToHaveCountAsync(0);
        await BrowserProgramme.Screenshot(page, "applicant-annual-report");

        // After a reload the report is still submitted, and it no longer counts as due in the inbox.
        await page.ReloadAsync();
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.GetByTestId("ind-rdExpenditure")).ToHaveValueAsync("65000.12");
        await page.GotoAsync("applicant");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }

    private static ILocator FieldError(IPage page, string field) => page.Locator($"[data-testid=field-error][data-field='{field}']");
}
