using System.Globalization;
using Microsoft.Playwright;
using Zgc.Browser.Tests.Applicant;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Scenario;

/// <summary>
/// Issue 10's scenario, through the console's pages only, one signed-in browser per person: the applicant registers and
/// submits; the sub-park officer accepts, reviews and recommends; the committee builds the expert pool and draws the
/// panel; five experts declare and score; the committee convenes the director office meeting and approves; the notice
/// closes by its own timer when the programme's clock passes its end (the only thing the test does outside a browser);
/// committee and unit sign the agreement; one finance user prepares the year-1 payment and another approves it; the
/// applicant sees the money. Each role's main page is saved as a screenshot (artifacts/screenshots/scenario-*.png).
/// </summary>
public sealed class FullScenarioTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static readonly string[] Experts = ["expert", "expert-2", "expert-3", "expert-4", "expert-5"];

    [Fact]
    [Trait("Req", "R-A13-APPLY")]
    [Trait("Req", "R-A13-SUBPARK")]
    [Trait("Req", "R-A13-EXPERT")]
    [Trait("Req", "R-A13-MEETING")]
    [Trait("Req", "R-A13-NOTICE")]
    [Trait("Req", "R-A13-AGREEMENT")]
    [Trait("Req", "R-A10-Y1")]
    public async Task An_application_goes_from_submission_to_its_paid_first_year_through_the_console_only()
    {
        // ── the applicant: unit, application, submission ───────────────────────────────────────────────────────────────
        var applicant = await programme.SignedIn("applicant");
        await ApplicantUi.RegisterUnit(applicant);
        await applicant.GotoAsync("applicant/applications/new");
        await BrowserProgramme.Interactive(applicant);
        await ApplicantUi.FillEligibleApplication(applicant, "增材制造协同创新平台");
        await ApplicantUi.Submit(applicant);
        await Assertions.Expect(applicant.GetByTestId("app-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(applicant.GetByTestId("screening")).ToHaveAttributeAsync("data-eligible", "true");
        var id = Guid.Parse(applicant.Url.TrimEnd('/').Split('/')[^1]);
        await applicant.GotoAsync("applicant");
        await BrowserProgramme.Interactive(applicant);
        await Assertions.Expect(applicant.Locator($"[data-testid=application-row][data-application-id='{id}']")).ToHaveAttributeAsync("data-status", "Submitted");
        await BrowserProgramme.Screenshot(applicant, "scenario-applicant");

        // ── the sub-park: accept, preliminary review, recommend ────────────────────────────────────────────────────────
        var subPark = await programme.SignedIn("subpark-haidian");
        await subPark.GotoAsync("subpark");
        await BrowserProgramme.Interactive(subPark);
        await BrowserProgramme.Screenshot(subPark, "scenario-subpark");
        await subPark.Locator($"[data-testid=application-row][data-application-id='{id}'] >> [data-testid=application-link]").ClickAsync();
        await BrowserProgramme.Interactive(subPark);
        var status = subPark.GetByTestId("application-status");
        await subPark.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Accepted");
        await subPark.GetByTestId("review-opinion").FillAsync("材料齐全，建设基础较好。");
        await subPark.GetByTestId("review-submit").ClickAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "PreliminaryReviewed");
        await subPark.GetByTestId("recommend-ranking").FillAsync("1");
        await subPark.GetByTestId("recommend-comment").FillAsync("择优推荐");
        await subPark.GetByTestId("recommend-submit").ClickAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", "Recommended");

        // ── the committee: the expert pool and the panel ───────────────────────────────────────────────────────────────
        var committee = await programme.SignedIn("committee");
        await committee.GotoAsync("committee/experts");
        await BrowserProgramme.Interactive(committee);
        for (var i = 0; i < Experts.Length; i++)
        {
            await committee.GetByTestId("expert-userid").FillAsync(Experts[i]);
            await committee.GetByTestId("expert-name").FillAsync($"专家{i + 1}");
            await committee.GetByTestId("expert-employer").FillAsync("北京某大学");
            await committee.GetByTestId("expert-employer-uscc").FillAsync(IntakePayloads.WithCheckCharacter($"12110000MB000{i:D4}"));
            await committee.GetByTestId("expert-title").FillAsync("教授");
            var field = committee.GetByTestId("expert-field-advanced-manufacturing");
            if (!await field.IsCheckedAsync())
            {
                await field.CheckAsync();
            }

            await committee.GetByTestId("expert-submit").ClickAsync();
            await Assertions.Expect(committee.GetByTestId("expert-saved")).ToContainTextAsync(Experts[i]);
        }

        await committee.GotoAsync("committee");
        await BrowserProgramme.Interactive(committee);
        var waiting = committee.Locator($"[data-testid=awaiting-panel-item][data-application-id='{id}']");
        await Eventually.True(async () =>
        {
            if (await waiting.CountAsync() > 0)
            {
                return true;
            }

            await committee.GetByTestId("refresh").ClickAsync();
            return false;
        }, "the review case waiting for its panel in the committee's inbox");
        await waiting.GetByTestId("case-link").ClickAsync();
        await BrowserProgramme.Interactive(committee);
        await committee.GetByTestId("form-panel").ClickAsync();
        await Assertions.Expect(committee.GetByTestId("panel-member")).ToHaveCountAsync(5);
        var caseUrl = committee.Url;

        // ── five experts: declaration and score ────────────────────────────────────────────────────────────────────────
        foreach (var expertUser in Experts)
        {
            var expert = await programme.SignedIn(expertUser);
            await ExpertScores(expert, expertUser == Experts[0]);
            await expert.Context.CloseAsync();
        }

        // ── the committee: meeting and approval; the notice is published ───────────────────────────────────────────────
        await committee.GotoAsync(caseUrl);
        await BrowserProgramme.Interactive(committee);
        await Eventually.True(async () =>
        {
            await committee.GetByTestId("refresh").ClickAsync();
            return await committee.Locator("[data-testid=panel-result][data-supported=true]").CountAsync() > 0;
        }, "the panel's result (supported)");

        await committee.GotoAsync("committee/meetings");
        await BrowserProgramme.Interactive(committee);
        await committee.GetByTestId("meeting-title").FillAsync("2026年第1次主任办公会");
        await committee.Locator($"[data-testid=agenda-case][data-application-id='{id}']").CheckAsync();
        await committee.GetByTestId("meeting-submit").ClickAsync();
        var item = committee.Locator($"[data-testid=agenda-item][data-application-id='{id}']");
        await item.GetByTestId("decision-approve").CheckAsync();
        await item.GetByTestId("decision-minutes").FillAsync("主任办公会纪要〔2026〕1号");
        await item.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(item.GetByTestId("agenda-notice")).ToHaveAttributeAsync("data-status", "Open");
        var closes = DateTimeOffset.ParseExact((await item.GetByTestId("agenda-notice-closes").InnerTextAsync()).Trim() + " +08:00",
            "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

        // ── the notice closes by its own timer once the programme's clock passes its end ──────────────────────────────
        await programme.Advance(closes.AddHours(9) - await programme.Now());
        await committee.GotoAsync("committee/notices");
        await BrowserProgramme.Interactive(committee);
        await Eventually.True(async () =>
        {
            await committee.ReloadAsync();
            await BrowserProgramme.Interactive(committee);
            var row = committee.Locator($"[data-testid=notice-row][data-application-id='{id}']");
            return await row.GetAttributeAsync("data-status") == "Passed";
        }, "the notice closed by its timer (Passed)");

        // ── the agreement: committee sets the year-1 award and signs, the unit signs ───────────────────────────────────
        await CommitteeSignsAgreement(committee, id);
        await applicant.GotoAsync("applicant");
        await BrowserProgramme.Interactive(applicant);
        var agreementRow = applicant.Locator("[data-testid=agreement-row][data-awaits-signature=true]");
        await Eventually.True(async () =>
        {
            await applicant.ReloadAsync();
            await BrowserProgramme.Interactive(applicant);
            return await agreementRow.CountAsync() > 0;
        }, "the agreement waiting for the unit's signature");
        var agreementId = await agreementRow.First.GetAttributeAsync("data-agreement-id");
        await agreementRow.First.GetByTestId("agreement-link").ClickAsync();
        await BrowserProgramme.Interactive(applicant);
        await applicant.GetByTestId("signer-name").FillAsync("张三");
        await applicant.GetByTestId("sign-as-unit").ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("unit-signed")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByTestId("agreement-status")).ToHaveAttributeAsync("data-status", "InForce");

        // ── finance: one user prepares the year-1 payment, another approves it, the first records it ──────────────────
        var award = await FinancePays(id);

        // ── the applicant sees the money ───────────────────────────────────────────────────────────────────────────────
        await applicant.GotoAsync("applicant");
        await BrowserProgramme.Interactive(applicant);
        await Eventually.True(async () =>
        {
            await applicant.ReloadAsync();
            await BrowserProgramme.Interactive(applicant);
            return await applicant.Locator($"[data-testid=payment-row][data-agreement-id='{agreementId}'][data-year='1']").CountAsync() > 0;
        }, "the year-1 payment on the applicant's page");
        await Assertions.Expect(applicant.Locator($"[data-testid=payment-row][data-agreement-id='{agreementId}'][data-year='1']"))
            .ToHaveAttributeAsync("data-fen", award.ToString(CultureInfo.InvariantCulture));
        await BrowserProgramme.Screenshot(applicant, "scenario-applicant-paid");

        // The operators' view of the same platform: under construction, paid.
        await committee.GotoAsync($"workflows/{id}");
        await BrowserProgramme.Interactive(committee);
        await Assertions.Expect(committee.GetByTestId("current-state")).ToHaveAttributeAsync("data-state", "UnderConstruction");
        await committee.GotoAsync("dashboard");
        await BrowserProgramme.Interactive(committee);
        await Assertions.Expect(committee.Locator("[data-testid=state-count][data-state=UnderConstruction]")).ToContainTextAsync("1");
        await BrowserProgramme.Screenshot(committee, "scenario-committee-dashboard");
        await committee.GotoAsync("committee");
        await BrowserProgramme.Interactive(committee);
        await BrowserProgramme.Screenshot(committee, "scenario-committee");

        // The two roles the scenario does not need still have their main pages captured: monitoring and administration.
        var monitoring = await programme.SignedIn("monitoring");
        await monitoring.GotoAsync("monitoring");
        await BrowserProgramme.Interactive(monitoring);
        await Assertions.Expect(monitoring.GetByTestId("count-awaiting")).ToBeVisibleAsync();
        await BrowserProgramme.Screenshot(monitoring, "scenario-monitoring");
        var admin = await programme.SignedIn("admin");
        await admin.GotoAsync("admin");
        await BrowserProgramme.Interactive(admin);
        await Assertions.Expect(admin.GetByTestId("policy")).Not.ToHaveCountAsync(0);
        await BrowserProgramme.Screenshot(admin, "scenario-admin");
    }

    private static readonly string[] Criteria = ["significance", "foundation", "team", "innovation", "integration", "content", "targets", "funding"];

    /// <summary>An expert finds the one assignment in the inbox, declares no conflict, reads the material and scores 85 with support.</summary>
    private static async Task ExpertScores(IPage expert, bool screenshot)
    {
        await expert.GotoAsync("expert");
        await BrowserProgramme.Interactive(expert);
        var row = expert.Locator("[data-testid=assignment-row][data-due=declare]");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        if (screenshot)
        {
            await BrowserProgramme.Screenshot(expert, "scenario-expert");
        }

        await row.GetByTestId("assignment-link").ClickAsync();
        await BrowserProgramme.Interactive(expert);
        await expert.GetByTestId("declare-no-conflict").CheckAsync();
        await expert.GetByTestId("declare-submit").ClickAsync();
        await Assertions.Expect(expert.GetByTestId("material-platform")).ToContainTextAsync("增材制造协同创新平台");
        foreach (var criterion in Criteria)
        {
            await expert.GetByTestId("score-" + criterion).FillAsync("85");
        }

        await expert.GetByTestId("score-comment").FillAsync("建设基础扎实，团队结构合理");
        await expert.GetByTestId("score-support-yes").CheckAsync();
        await expert.GetByTestId("score-submit").ClickAsync();
        await Assertions.Expect(expert.GetByTestId("assignment-status")).ToHaveAttributeAsync("data-status", "Submitted");
    }

    /// <summary>The committee opens the drafted agreement, keeps the year-1 award at its cap, saves the terms and signs.</summary>
    private static async Task CommitteeSignsAgreement(IPage committee, Guid applicationId)
    {
        await committee.GotoAsync("committee/agreements");
        await BrowserProgramme.Interactive(committee);
        var row = committee.Locator($"[data-testid=agreement-row][data-application-id='{applicationId}']");
        await Eventually.True(async () =>
        {
            if (await row.CountAsync() > 0)
            {
                return true;
            }

            await committee.ReloadAsync();
            await BrowserProgramme.Interactive(committee);
            return false;
        }, "the drafted agreement in the committee's list");
        await row.GetByTestId("agreement-link").ClickAsync();
        await BrowserProgramme.Interactive(committee);
        var cap = await committee.GetByTestId("agreement-year1-cap").GetAttributeAsync("data-fen");
        await committee.GetByTestId("terms-save").ClickAsync();
        await Assertions.Expect(committee.GetByTestId("agreement-year1-award")).ToHaveAttributeAsync("data-fen", cap!);
        await committee.GetByTestId("sign-name").FillAsync("委领导");
        await committee.GetByTestId("sign-committee").ClickAsync();
        await Assertions.Expect(committee.Locator("[data-testid=signature][data-party=Committee]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The finance preparer sets the budget, starts the year's run and submits it; the approver (another user) approves
    /// it; the preparer records the payment. Returns the amount paid (fen) on the application's line.
    /// </summary>
    private async Task<long> FinancePays(Guid applicationId)
    {
        var preparer = await programme.SignedIn("finance-preparer");
        await preparer.GotoAsync("finance");
        await BrowserProgramme.Interactive(preparer);
        await preparer.GetByTestId("budget-amount").FillAsync("1000000000");
        await preparer.GetByTestId("budget-save").ClickAsync();
        await Assertions.Expect(preparer.Locator("[data-testid=budget-row]")).Not.ToHaveCountAsync(0);
        await BrowserProgramme.Screenshot(preparer, "scenario-finance-preparer");
        await preparer.GetByTestId("run-start").ClickAsync();
        await Assertions.Expect(preparer.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Draft");
        var runUrl = preparer.Url;
        var line = preparer.Locator($"[data-testid=line-row][data-application-id='{applicationId}']");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        var amount = long.Parse(await line.GetAttributeAsync("data-fen") ?? "0", CultureInfo.InvariantCulture);
        await preparer.GetByTestId("run-submit").ClickAsync();
        await Assertions.Expect(preparer.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Submitted");

        var approver = await programme.SignedIn("finance-approver");
        await approver.GotoAsync(runUrl);
        await BrowserProgramme.Interactive(approver);
        await BrowserProgramme.Screenshot(approver, "scenario-finance-approver");
        await approver.GetByTestId("approve-all").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Approved");

        await preparer.ReloadAsync();
        await BrowserProgramme.Interactive(preparer);
        await preparer.GetByTestId("pay-reference").FillAsync("BOC-2026-0001");
        await preparer.GetByTestId("pay-all").ClickAsync();
        await Assertions.Expect(preparer.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "Completed");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-status", "Paid");
        return amount;
    }
}
