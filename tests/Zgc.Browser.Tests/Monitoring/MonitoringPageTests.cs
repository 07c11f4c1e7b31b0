using System.Net.Http.Json;
using Microsoft.Playwright;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Monitoring;

/// <summary>The monitoring officer's inbox: a submitted annual report waits there and is graded in the browser (R-A14-EVAL).</summary>
public sealed class MonitoringPageTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task The_monitoring_officer_grades_a_submitted_annual_report_from_the_inbox()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var start = await programme.Now();
        await driver.ReferenceFigures(start.Year, start.Year + 4);
        var (id, _) = await driver.ToUnderConstruction(unit);
        var report = await driver.Report(id, unit, 1);
        await driver.PastReportPeriod(report);
        var reportId = report.GetProperty("id").GetGuid();
        await driver.SubmitReport(reportId, unit, LifecycleDriver.GoodIndicators(1));

        // A rectification order on the platform: the inbox lists every platform's orders with the platform's name.
        var officer = driver.As("monitoring", Roles.MonitoringOfficer);
        var deadline = BeijingTime.DateOf(await programme.Now()).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await officer.PostAsJsonAsync($"/monitoring/platforms/{id}/rectifications", new { requirements = "补充研发费用辅助账", deadline }, Ct)).EnsureSuccessStatusCode();
        var platformName = (await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/monitoring/platforms/{id}", Ct)).GetProperty("platformName").GetString()!;

        var page = await programme.SignedIn("monitoring");
        await page.GotoAsync("monitoring");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("count-awaiting")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("count-rectifications")).ToHaveTextAsync("1");
        var order = page.Locator($"[data-testid=rectification-row][data-application-id='{id}']");
        await Assertions.Expect(order).ToContainTextAsync(platformName);
        await Assertions.Expect(order).ToContainTextAsync("补充研发费用辅助账");
        var row = page.Locator($"[data-testid=report-row][data-report-id='{reportId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();

        // A fail needs its reasons: stopped at the page, next to the comments.
        await row.GetByTestId("eval-grade").SelectOptionAsync("fail");
        await row.GetByTestId("eval-submit").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=field-error][data-field=comments]")).ToBeVisibleAsync();

        await row.GetByTestId("eval-grade").SelectOptionAsync("pass");
        await row.GetByTestId("eval-comments").FillAsync("各项指标达标");
        await row.GetByTestId("eval-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("monitoring-message")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("count-awaiting")).ToHaveTextAsync("0");
    }
}
