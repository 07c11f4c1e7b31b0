using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Finance;

/// <summary>
/// The committee's agreement pages and finance's pages, in the browser: the committee sets the year-1 award (the cap)
/// and signs; the finance preparer sets the budget, starts a run and submits it; a different user approves; the
/// preparer records the payment. And the maker-checker rule as the approver sees it.
/// </summary>
public sealed class FinancePageTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A13-AGREEMENT"), Trait("Req", "R-A10-Y1"), Trait("Req", "S-OPS")]
    public async Task The_committee_signs_the_agreement_and_finance_prepares_approves_and_pays_year_one()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var unit = IntakePayloads.DefaultUnit;
        var id = await driver.ToInNotice(unit);
        await driver.PastNoticeEnd(await driver.Notice(id));
        await driver.WaitForState(id, "Included");
        var agreementId = (await driver.Agreement(id)).GetProperty("id").GetGuid();

        // The committee: the list links to the draft; the award defaults to the cap; save the terms, then sign.
        var committee = await programme.SignedIn("committee");
        await committee.GotoAsync("committee/agreements");
        await BrowserProgramme.Interactive(committee);
        var row = committee.Locator($"[data-testid=agreement-row][data-agreement-id='{agreementId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Draft");
        await row.GetByTestId("agreement-link").ClickAsync();
        await Assertions.Expect(committee.GetByTestId("terms-form")).ToBeVisibleAsync();
        var capFen = long.Parse(await committee.GetByTestId("agreement-year1-cap").GetAttributeAsync("data-fen") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(committee.GetByTestId("terms-award")).ToHaveValueAsync((capFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await committee.GetByTestId("sign-needs-terms").WaitForAsync();

        // Above the cap is refused as it is typed.
        await committee.GetByTestId("terms-award").FillAsync(((capFen + 1) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(committee.Locator("[data-testid=field-error][data-field=year1AwardFen]")).ToBeVisibleAsync();
        await committee.GetByTestId("terms-award").FillAsync((capFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await committee.GetByTestId("terms-save").ClickAsync();
        await Assertions.Expect(committee.GetByTestId("agreement-year1-award")).ToHaveAttributeAsync("data-fen", capFen.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await committee.GetByTestId("sign-name").FillAsync("委领导");
        await committee.GetByTestId("sign-committee").ClickAsync();
        await Assertions.Expect(committee.Locator("[data-testid=signature][data-party=Committee]")).ToBeVisibleAsync();
        await Assertions.Expect(committee.GetByTestId("sign-awaiting-unit")).ToBeVisibleAsync();

        // The unit signs in its own pages (another helper's); here over the API.
        await LifecycleDriver.Ensure(await driver.As("funding", Roles.Applicant, unit: unit).PostAsJsonAsync($"/funding/agreements/{agreementId}/signatures",
            new { party = "unit", signerName = "张三" }, Ct));
        await driver.WaitForState(id, "UnderConstruction");
        await committee.ReloadAsync();
        await Assertions.Expect(committee.GetByTestId("agreement-status")).ToHaveAttributeAsync("data-status", "InForce");
        await Assertions.Expect(committee.Locator("[data-testid=funding-year][data-year='1']")).ToHaveAttributeAsync("data-status", "Due");

        // The preparer: budget, run (gathered while the page polls), submit.
        var fiscalYear = BeijingTime(await programme.Now()).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var preparer = await programme.SignedIn("finance-preparer");
        await preparer.GotoAsync("finance");
        await BrowserProgramme.Interactive(preparer);
        await Assertions.Expect(preparer.GetByTestId("budget-year")).ToHaveValueAsync(fiscalYear);
        await preparer.GetByTestId("budget-amount").FillAsync("1,000,000,000.00");
        await preparer.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(preparer.Locator($"[data-testid=budget-row][data-fiscal-year='{fiscalYear}']")).ToHaveAttributeAsync("data-fen", "100000000000");
        await preparer.GetByTestId("run-start").ClickAsync();
        await Assertions.Expect(preparer.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Draft");
        var runUrl = preparer.Url;
        var line = preparer.Locator($"[data-testid=line-row][data-application-id='{id}']");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-fen", capFen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await preparer.GetByTestId("run-submit").ClickAsync();
        await Assertions.Expect(preparer.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Submitted");
        // The preparer has no approve buttons.
        await Assertions.Expect(preparer.GetByTestId("approve-all")).ToHaveCountAsync(0);

        // A different user approves every line.
        var approver = await programme.SignedIn("finance-approver");
        await approver.GotoAsync(runUrl);
        await BrowserProgramme.Interactive(approver);
        await approver.GetByTestId("approve-all").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Approved");
        await Assertions.Expect(approver.GetByTestId("payment-instruction")).ToBeVisibleAsync();

        // The preparer records the payment: today by the programme's clock, with the bank reference.
        await preparer.ReloadAsync();
        await BrowserProgramme.Interactive(preparer);
        await Assertions.Expect(preparer.GetByTestId("pay-date")).ToHaveValueAsync(BeijingTime(await programme.Now()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await preparer.GetByTestId("pay-reference").FillAsync("BOC-2026-0001");
        await preparer.GetByTestId("pay-all").ClickAsync();
        await Assertions.Expect(preparer.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Completed");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-status", "Paid");
        await Assertions.Expect(preparer.GetByTestId("bulk-progress-count")).ToHaveTextAsync("1 / 1");

        var ledger = await driver.Ledger(id);
        Assert.Contains(ledger.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "Payment");

        await preparer.GotoAsync("finance");
        await BrowserProgramme.Interactive(preparer);
        await Assertions.Expect(preparer.Locator("[data-testid=run-row][data-status=Completed]")).ToHaveCountAsync(1);
        await BrowserProgramme.Screenshot(preparer, "finance-runs");
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_preparer_of_a_run_cannot_approve_it_and_the_page_shows_the_services_refusal()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var (id, _) = await driver.ToUnderConstruction(IntakePayloads.OtherUnit);

        // The run is prepared by the person who signs in as "finance-approver" (same user id, preparer's role over the API).
        var fiscalYear = BeijingTime(await programme.Now()).Year;
        var asPreparer = driver.As("funding", Roles.FinancePreparer, user: "finance-approver");
        await LifecycleDriver.Ensure(await asPreparer.PutAsJsonAsync($"/funding/budgets/{fiscalYear}", new { amountFen = 1_000_000_000_00L }, Ct));
        var started = await asPreparer.PostAsJsonAsync("/funding/runs", new { fiscalYear }, Ct);
        await LifecycleDriver.Ensure(started);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await Eventually.True(async () => (await asPreparer.GetFromJsonAsync<JsonElement>($"/funding/runs/{runId}", Ct)).GetProperty("status").GetString() == "Draft",
            "the run gathered");
        await LifecycleDriver.Ensure(await asPreparer.PostAsync($"/funding/runs/{runId}/submit", null, Ct));

        var page = await programme.SignedIn("finance-approver", "en");
        await page.GotoAsync($"finance/runs/{runId}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("run-prepared-by")).ToContainTextAsync("finance-approver");
        var line = page.Locator($"[data-testid=line-row][data-application-id='{id}']");
        await line.GetByTestId("line-approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-error")).ToHaveAttributeAsync("data-error-kind", "Forbidden");
        await Assertions.Expect(page.GetByTestId("api-error")).ToContainTextAsync("cannot approve");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-status", "Proposed");
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Submitted");
    }

    private static DateTimeOffset BeijingTime(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8));
}
