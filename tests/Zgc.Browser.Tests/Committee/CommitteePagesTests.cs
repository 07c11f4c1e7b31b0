using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Zgc.ServiceDefaults;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Committee;

/// <summary>
/// The committee officer's pages, from a recommended application to its public notice: the officer adds the five seeded
/// console experts to the pool, forms the panel, (the experts score over the API), schedules today's director office
/// meeting with the case on its agenda, approves it, and sees the notice published with its close.
/// </summary>
public sealed class CommitteePagesTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    /// <summary>The seeded console experts (their user names are their ids in the pool).</summary>
    private static readonly string[] Experts = ["expert", "expert-2", "expert-3", "expert-4", "expert-5"];

    [Fact]
    [Trait("Req", "R-A13-EXPERT")]
    [Trait("Req", "R-A13-MEETING")]
    public async Task The_committee_forms_the_panel_approves_at_the_meeting_and_sees_the_notice_published()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var id = await driver.Submit(IntakePayloads.DefaultUnit);
        await driver.Recommend(id);
        await driver.WaitForState(id, "ExpertReview");

        var page = await programme.SignedIn("committee");

        // The expert pool: a code one character short is flagged as typed, refused by review on submit with its own reason
        // under the field, and what was typed stays.
        await page.GotoAsync("committee/experts");
        await BrowserProgramme.Interactive(page);
        await FillExpert(page, Experts[0], "专家一", EmployerUscc(0));
        await page.GetByTestId("expert-employer-uscc").FillAsync(EmployerUscc(0)[..17]);
        var usccError = page.Locator("[data-testid=field-error][data-field=employerUscc]");
        await Assertions.Expect(usccError).ToContainTextAsync("18位数字或大写字母");
        await page.GetByTestId("expert-submit").ClickAsync();
        await Assertions.Expect(usccError).ToContainTextAsync("工作单位统一社会信用代码须为18位");
        await Assertions.Expect(page.GetByTestId("api-error")).ToHaveAttributeAsync("data-error-kind", "Invalid");
        await Assertions.Expect(page.GetByTestId("expert-userid")).ToHaveValueAsync(Experts[0]);

        for (var i = 0; i < Experts.Length; i++)
        {
            await FillExpert(page, Experts[i], $"专家{i + 1}", EmployerUscc(i));
            await page.GetByTestId("expert-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("expert-saved")).ToContainTextAsync(Experts[i]);
        }

        foreach (var expert in Experts)
        {
            await Assertions.Expect(page.Locator($"[data-testid=expert-row][data-user-id='{expert}']")).ToBeVisibleAsync();
        }

        // The inbox: the case waits for its panel.
        await page.GotoAsync("committee");
        await BrowserProgramme.Interactive(page);
        var waiting = page.Locator($"[data-testid=awaiting-panel-item][data-application-id='{id}']");
        await Assertions.Expect(waiting).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("count-awaiting-panel")).ToHaveTextAsync("1");
        await BrowserProgramme.Screenshot(page, "committee-inbox");

        await waiting.GetByTestId("case-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.EndsWith($"/committee/cases/{id}", StringComparison.Ordinal), $"/committee/cases/{id}");
        await BrowserProgramme.Interactive(page);
        await page.GetByTestId("form-panel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("panel-member")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("case-stage")).ToHaveAttributeAsync("data-stage", "ExpertReview");
        await BrowserProgramme.NavigatedTo(page, new Regex("panel="));

        // The drawn experts declare and score over the API, as their own users (the five console experts when the pool
        // holds only them; another test of this class may have added more).
        var panelId = Guid.Parse(await page.GetByTestId("panel-facts").GetAttributeAsync("data-panel-id") ?? "");
        var drawn = new List<string>();
        foreach (var member in await page.GetByTestId("panel-member").AllAsync())
        {
            drawn.Add(await member.GetAttributeAsync("data-expert") ?? "");
        }

        foreach (var expert in drawn)
        {
            await ScoreAsExpert(driver, panelId, expert, ct);
        }

        await driver.WaitForState(id, "AwaitingMeeting");
        await page.GetByTestId("refresh").ClickAsync();
        await Assertions.Expect(page.GetByTestId("panel-result")).ToHaveAttributeAsync("data-supported", "true");
        await Assertions.Expect(page.GetByTestId("case-stage")).ToHaveAttributeAsync("data-stage", "Supported");

        // The meeting: today by the programme's clock (Monday 2 March 2026), the case on its agenda.
        await page.GotoAsync("committee/meetings");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("meeting-date")).ToHaveValueAsync("2026-03-02");
        await page.GetByTestId("meeting-title").FillAsync("2026年第1次主任办公会");
        await page.Locator($"[data-testid=agenda-case][data-application-id='{id}']").CheckAsync();
        await page.GetByTestId("meeting-submit").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, new Regex("/committee/meetings/[0-9a-f-]{36}$"));
        await BrowserProgramme.Interactive(page);

        var item = page.Locator($"[data-testid=agenda-item][data-application-id='{id}']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-outcome", "Pending");
        await item.GetByTestId("decision-approve").CheckAsync();
        await item.GetByTestId("decision-minutes").FillAsync("主任办公会纪要〔2026〕1号");
        await item.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-outcome", "Approved");
        await Assertions.Expect(item.GetByTestId("agenda-notice")).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(item.GetByTestId("agenda-notice-closes")).ToHaveTextAsync(new Regex(@"^2026-03-\d\d \d\d:\d\d$"));
        await driver.WaitForState(id, "InNotice");

        // The notices page shows it open, with its period.
        await page.GotoAsync("committee/notices");
        await BrowserProgramme.Interactive(page);
        var notice = page.Locator($"[data-testid=notice-row][data-application-id='{id}']");
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(notice.GetByTestId("notice-closes")).Not.ToBeEmptyAsync();
    }

    [Fact]
    [Trait("Req", "R-A13-NOTICE")]
    public async Task The_committee_investigates_and_dismisses_an_objection_to_an_open_notice()
    {
        var ct = TestContext.Current.CancellationToken;
        using var driver = new LifecycleDriver(programme, ct);
        var id = await driver.ToInNotice(IntakePayloads.OtherUnit);
        var noticeId = (await driver.Notice(id)).GetProperty("id").GetGuid();
        await driver.RaiseObjection(noticeId, "该平台专职人员数量与实际不符。");

        var page = await programme.SignedIn("committee", "en");
        await page.GotoAsync("committee");
        await BrowserProgramme.Interactive(page);
        var line = page.GetByTestId("objection-item").Filter(new LocatorFilterOptions { HasText = "Received" });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await line.GetByTestId("objection-link").ClickAsync();
        await BrowserProgramme.NavigatedTo(page, url => url.EndsWith($"/committee/notices/{noticeId}", StringComparison.Ordinal), $"/committee/notices/{noticeId}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("notice-status")).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(page.GetByTestId("notice-closes")).Not.ToBeEmptyAsync();

        var objection = page.GetByTestId("objection");
        await objection.GetByTestId("objection-investigate").ClickAsync();
        await Assertions.Expect(objection).ToHaveAttributeAsync("data-status", "Investigating");

        // A decision without a finding: flagged on the page, and the service's refusal shows.
        await objection.GetByTestId("objection-decide").ClickAsync();
        await Assertions.Expect(objection.Locator("[data-testid=field-error][data-field=finding]")).ToBeVisibleAsync();
        await objection.GetByTestId("objection-finding").FillAsync("经核实，专职人员数量与申报一致，异议不成立。");
        await objection.GetByTestId("objection-decide").ClickAsync();
        await Assertions.Expect(page.GetByTestId("objection")).ToHaveAttributeAsync("data-status", "Dismissed");
        await Assertions.Expect(page.GetByTestId("objection-status")).ToHaveTextAsync("Dismissed");
    }

    private static async Task FillExpert(IPage page, string userId, string name, string uscc)
    {
        await page.GetByTestId("expert-userid").FillAsync(userId);
        await page.GetByTestId("expert-name").FillAsync(name);
        await page.GetByTestId("expert-employer").FillAsync("北京某大学");
        await page.GetByTestId("expert-employer-uscc").FillAsync(uscc);
        await page.GetByTestId("expert-title").FillAsync("教授");
        var field = page.GetByTestId("expert-field-next-generation-it");
        if (!await field.IsCheckedAsync())
        {
            await field.CheckAsync();
        }
    }

    /// <summary>A valid USCC of a public institution (not the applicant's, nor one of its integrated enterprises).</summary>
    private static string EmployerUscc(int i) => IntakePayloads.WithCheckCharacter($"12110000MB000{i:D4}");

    private static async Task ScoreAsExpert(LifecycleDriver driver, Guid panelId, string expert, CancellationToken ct)
    {
        var client = driver.As("review", Roles.Expert, user: expert);
        (await client.PostAsJsonAsync($"/review/assignments/{panelId}/declaration", new { noConflict = true }, ct)).EnsureSuccessStatusCode();
        var score = new
        {
            significance = 85, foundation = 85, team = 85, innovation = 85, integration = 85, content = 85, targets = 85, funding = 85,
            comment = "建设基础扎实", support = true,
        };
        (await client.PostAsJsonAsync($"/review/assignments/{panelId}/score", score, ct)).EnsureSuccessStatusCode();
    }
}
