using System.Net.Http.Json;
using Microsoft.Playwright;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Applicant;

/// <summary>
/// Field errors next to their fields (the page's own check as the user types, and the service's answer), and the
/// agreement as the unit sees it: signing as the unit, then the year-1 payment in the inbox.
/// </summary>
public sealed class ApplicantFormTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    /// <summary>The seeded console user "applicant" belongs to this unit.</summary>
    private static readonly string Unit = IntakePayloads.DefaultUnit;

    [Fact]
    [Trait("Req", "R-A13-APPLY")]
    public async Task A_wrong_check_character_and_a_missing_platform_name_are_shown_next_to_their_fields_as_typed_and_from_the_service()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = programme.Client("intake", Roles.Applicant, unit: Unit);
        await LifecycleDriver.Ensure(await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), ct));

        var page = await programme.SignedIn("applicant");
        await page.GotoAsync("applicant/applications/new");
        await BrowserProgramme.Interactive(page);

        // As typed: a required name emptied, and an enterprise code whose check character is wrong.
        var platformError = page.Locator("[data-testid=field-error][data-field=platformName]");
        await page.GetByTestId("app-platform-name").FillAsync("临时名称");
        await page.GetByTestId("app-platform-name").FillAsync("");
        await Assertions.Expect(platformError).ToContainTextAsync("必填");

        await page.GetByTestId("enterprise-add").ClickAsync();
        await page.GetByTestId("enterprise-name").First.FillAsync("协同企业甲");
        await page.GetByTestId("enterprise-relation").First.SelectOptionAsync("upstream");
        var good = IntakePayloads.EnterpriseUscc(7);
        await page.GetByTestId("enterprise-uscc").First.FillAsync(ApplicantUi.WrongCheckCharacter(good));
        var usccError = page.Locator("[data-testid=field-error][data-field='integratedEnterprises[0].uscc']");
        await Assertions.Expect(usccError).ToContainTextAsync($"应为“{good[^1]}”");

        // From the service: saving the draft is refused for the code, and the rule's code comes with its message.
        await page.GetByTestId("app-save").ClickAsync();
        await Assertions.Expect(usccError).ToContainTextAsync("GB-32100-2015:");
        await Assertions.Expect(page.GetByTestId("api-error")).ToHaveAttributeAsync("data-error-kind", "Invalid");
        await Assertions.Expect(page.GetByTestId("enterprise-uscc").First).ToHaveValueAsync(ApplicantUi.WrongCheckCharacter(good));

        // Corrected, the draft saves; submitting it without a platform name is refused by the service next to the field.
        await page.GetByTestId("enterprise-uscc").First.FillAsync(good);
        await Assertions.Expect(usccError).ToHaveCountAsync(0);
        await page.GetByTestId("app-commitment").CheckAsync();
        await page.GetByTestId("app-submit").ClickAsync();
        await Assertions.Expect(platformError).ToContainTextAsync("R-A13-APPLY:");
        await Assertions.Expect(platformError).ToContainTextAsync("平台名称");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/applicant/applications/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("app-status")).ToHaveAttributeAsync("data-status", "Draft");
    }

    [Fact]
    [Trait("Req", "R-A7-TEAM")]
    public async Task An_ineligible_submission_shows_each_rule_in_english_keeps_what_was_typed_and_can_be_corrected_and_resubmitted()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = programme.Client("intake", Roles.Applicant, unit: Unit);
        await LifecycleDriver.Ensure(await applicant.PutAsJsonAsync("/intake/units/mine", IntakePayloads.Unit(), ct));

        var page = await programme.SignedIn("applicant", "en");
        await page.GotoAsync("applicant/applications/new");
        await BrowserProgramme.Interactive(page);
        await ApplicantUi.FillEligibleApplication(page, "Too small a team");
        await page.GetByTestId("app-full-time-staff").FillAsync("5");
        await ApplicantUi.Submit(page);

        await Assertions.Expect(page.GetByTestId("app-status")).ToHaveAttributeAsync("data-status", "Ineligible");
        await Assertions.Expect(page.GetByTestId("screening")).ToHaveAttributeAsync("data-eligible", "false");
        var team = page.Locator("[data-testid=screening-rule][data-rule=R-A7-TEAM]");
        await Assertions.Expect(team).ToHaveAttributeAsync("data-passed", "false");
        await Assertions.Expect(team).ToContainTextAsync("5 full-time staff, at least 10 required");
        await Assertions.Expect(page.Locator("[data-testid=screening-rule][data-passed=false]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("app-platform-name")).ToHaveValueAsync("Too small a team");
        await Assertions.Expect(page.GetByTestId("enterprise-row")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("funding-amount").Nth(2)).ToHaveValueAsync("10000000.05");

        await page.GetByTestId("app-full-time-staff").FillAsync("12");
        await ApplicantUi.Submit(page);
        await Assertions.Expect(page.GetByTestId("app-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2);
    }

    [Fact]
    [Trait("Req", "R-A13-AGREEMENT")]
    public async Task The_unit_signs_its_agreement_once_the_year_1_award_is_set_and_then_sees_the_year_1_payment()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var id = await driver.ToInNotice(Unit);
        await driver.PastNoticeEnd(await driver.Notice(id));
        await driver.WaitForState(id, "Included");
        var agreement = await driver.Agreement(id);
        var agreementId = agreement.GetProperty("id").GetGuid();
        var cap = agreement.GetProperty("year1Cap").GetProperty("capFen").GetInt64();

        var page = await programme.SignedIn("applicant");
        await page.GotoAsync($"applicant/agreements/{agreementId}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("sign-waiting")).ToBeVisibleAsync();

        // The committee decides the year-1 award (at its cap) and signs first; the unit then signs in the console.
        var committee = driver.As("funding", Roles.CommitteeOfficer);
        await LifecycleDriver.Ensure(await committee.PutAsJsonAsync($"/funding/agreements/{agreementId}/terms", new { year1AwardFen = cap }, ct));
        await LifecycleDriver.Ensure(await committee.PostAsJsonAsync($"/funding/agreements/{agreementId}/signatures",
            new { party = "committee", signerName = "委领导" }, ct));

        await page.GotoAsync("applicant");
        await BrowserProgramme.Interactive(page);
        var row = page.Locator($"[data-testid=agreement-row][data-agreement-id='{agreementId}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-awaits-signature", "true");
        await row.GetByTestId("agreement-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.Contains($"/applicant/agreements/{agreementId}", StringComparison.Ordinal), $"/applicant/agreements/{agreementId}");
        await BrowserProgramme.Interactive(page);
        await page.GetByTestId("sign-as-unit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=field-error][data-field=signerName]")).ToBeVisibleAsync();
        await page.GetByTestId("signer-name").FillAsync("张三");
        await page.GetByTestId("sign-as-unit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("agreement-status")).ToHaveAttributeAsync("data-status", "InForce");
        await Assertions.Expect(page.GetByTestId("unit-signed")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=signature][data-party=Unit]")).ToContainTextAsync("张三");
        await Assertions.Expect(page.Locator("[data-testid=funding-year][data-year='1']")).ToHaveAttributeAsync("data-status", "Due");

        await driver.WaitForState(id, "UnderConstruction");
        await driver.PayYear(id, 1);

        await page.GotoAsync("applicant");
        await BrowserProgramme.Interactive(page);
        var payment = page.Locator($"[data-testid=payment-row][data-agreement-id='{agreementId}'][data-year='1']");
        await Assertions.Expect(payment).ToHaveAttributeAsync("data-fen", cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GotoAsync($"applicant/agreements/{agreementId}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator("[data-testid=funding-year][data-year='1']")).ToHaveAttributeAsync("data-status", "Paid");
        await BrowserProgramme.Screenshot(page, "applicant-agreement");
    }
}
