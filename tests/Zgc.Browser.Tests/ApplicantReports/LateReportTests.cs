using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zgc.Console.Auth;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Browser.Tests.ApplicantReports;

/// <summary>A report submitted after its due date: the page shows it overdue, and the service's "late" flag after submission.</summary>
public sealed class LateReportTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private const string Unit = ConsoleUsers.SeededApplicantUnit;

    [Fact]
    [Trait("Req", "R-A14-ANNUAL")]
    public async Task An_overdue_report_can_still_be_submitted_and_is_flagged_late()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var (id, _) = await driver.ToUnderConstruction(Unit);
        var report = await driver.Report(id, Unit, 1);
        var reportId = report.GetProperty("id").GetGuid();
        var dueOn = DateOnly.Parse(report.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);
        await driver.AdvanceTo(new DateTimeOffset(dueOn.AddDays(2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        var applicant = driver.As("monitoring", Roles.Applicant, unit: Unit);
        await Eventually.Get(async () => await applicant.GetFromJsonAsync<JsonElement>($"/monitoring/reports/{reportId}", ct),
            r => r.GetProperty("status").GetString() == "Overdue", "the year-1 report overdue");

        var page = await programme.SignedIn("applicant");
        await page.GotoAsync($"applicant/reports/{reportId}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "Overdue");
        await ApplicantReportsUi.FillIndicators(page);
        await page.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.GetByTestId("report-late")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-submitted")).ToContainTextAsync("逾期");
    }
}
