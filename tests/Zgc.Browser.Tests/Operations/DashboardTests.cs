using Microsoft.Playwright;
using Zgc.Testing;

namespace Zgc.Browser.Tests.Operations;

/// <summary>
/// The operations dashboard and the platform page, read by a committee officer in Chromium after an application has been
/// walked (over the APIs) into its public notice: the counts, the notice's closing timer as a deadline, and the platform
/// page with its timeline, graph, timer, application and documents.
/// </summary>
public sealed class DashboardTests(BrowserProgramme programme) : IClassFixture<BrowserProgramme>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_counts_instances_by_state_and_lists_the_notice_closing_as_a_deadline()
    {
        using var driver = new LifecycleDriver(programme, Ct);
        var id = await driver.ToInNotice(IntakePayloads.OtherUnit);

        var page = await programme.SignedIn("committee");
        await page.GotoAsync("dashboard");
        await BrowserProgramme.Interactive(page);

        var inNotice = page.Locator("[data-testid=state-count][data-state=InNotice]");
        await Assertions.Expect(inNotice).ToContainTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid=chart-states] [data-testid=chart-bar]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=deadline][data-message-type*=CloseNotice]")).ToContainTextAsync("公示期届满");
        await Assertions.Expect(page.GetByTestId("incidents")).ToBeVisibleAsync();
        // Attainment: only the platform-years furthest behind (none reported yet here), never one bar per report.
        await Assertions.Expect(page.Locator("[data-testid=dashboard-attainment] h2")).ToHaveTextAsync("指标完成度最低的 20 个平台年度（各年度目标平均完成率）");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-attainment]")).ToContainTextAsync("尚无已评估的年度报告。");
        await BrowserProgramme.Screenshot(page, "committee-dashboard");

        // The platform page: state on the graph, the timeline, the pending notice timer with its time left, the documents.
        await page.GotoAsync($"workflows/{id}");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.GetByTestId("current-state")).ToContainTextAsync("公示中");
        await Assertions.Expect(page.GetByTestId("lifecycle-graph")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=pending-timer][data-message-type*=CloseNotice]")).ToContainTextAsync("天");
        await Assertions.Expect(page.GetByTestId("transition")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("no-documents")).ToBeVisibleAsync();
        await page.Locator("[data-testid=application-section] summary").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=application] [data-json-key=platformName]").First).ToContainTextAsync("集成电路协同创新平台");
        await Assertions.Expect(page.GetByTestId("no-agreement")).ToBeVisibleAsync();
        await BrowserProgramme.Screenshot(page, "committee-platform-page");
    }

    [Fact]
    public async Task A_user_whose_role_may_not_see_a_page_gets_a_clear_refusal_in_their_language()
    {
        var applicant = await programme.SignedIn("applicant");
        await applicant.GotoAsync("dashboard");
        await Assertions.Expect(applicant.GetByTestId("access-denied")).ToContainTextAsync("您的角色无权使用此页面");
        await Assertions.Expect(applicant.GetByTestId("nav-dashboard")).ToHaveCountAsync(0);

        var expert = await programme.SignedIn("expert", "en");
        await expert.GotoAsync("workflows");
        await Assertions.Expect(expert.GetByTestId("access-denied")).ToContainTextAsync("Your role may not use this page.");
    }

    [Fact]
    public async Task The_language_switch_turns_every_text_of_the_page_to_English_and_back()
    {
        var page = await programme.SignedIn("committee");
        await page.GotoAsync("dashboard");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("运行总览");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operations dashboard");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("nav-workflows")).ToHaveTextAsync("Lifecycle instances");

        // Remembered on the next page, then switched back.
        await page.GotoAsync("workflows");
        await BrowserProgramme.Interactive(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Lifecycle instances");
        await page.GetByTestId("lang-zh").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("流程实例");
    }
}
