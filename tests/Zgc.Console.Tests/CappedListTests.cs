using System.Net;

namespace Zgc.Console.Tests;

/// <summary>A console whose notice and funding APIs answer one row each of many: the newest of a capped list.</summary>
public sealed class ConsoleAppWithCappedLists : ConsoleAppWithFakeApi
{
    public ConsoleAppWithCappedLists()
    {
        Fake.Answer("/notice/manage/notices", """
            [{"id":"5d0c7a2e-1111-4b6c-9e7f-0a1b2c3d4e5f","applicationId":"7e1f2a3b-2222-4b6c-9e7f-0a1b2c3d4e5f","platformName":"最新公示平台",
              "unitName":"示例单位","industryField":null,"subPark":null,"constructionSummary":null,"objectionChannel":"电话","status":"Passed",
              "startsOn":"2026-03-04","endsOn":"2026-03-10","closesAt":"2026-03-10T16:00:00+00:00","publishedAt":"2026-03-04T01:00:00+00:00",
              "closedAt":"2026-03-10T16:00:00+00:00","outcomeReason":null,"decidedAt":null,"extendedAt":null}]
            """, headers: new Dictionary<string, string> { ["X-Total-Count"] = "900" });
        Fake.Answer("/funding/agreements", """
            [{"id":"6d0c7a2e-1111-4b6c-9e7f-0a1b2c3d4e5f","applicationId":"7e1f2a3b-2222-4b6c-9e7f-0a1b2c3d4e5f","platformName":"最新协议平台",
              "unitUscc":"91110108MA01ABCD1E","unitName":"示例单位","industryField":"IntegratedCircuits","subPark":"haidian","status":"InForce",
              "especiallyMajor":false,"termsVersion":1,"year1AwardFen":100000000,"year1CapFen":300000000,"signedAt":"2026-04-01T02:00:00+00:00"}]
            """, headers: new Dictionary<string, string> { ["X-Total-Count"] = "1500" });
    }
}

/// <summary>The committee's notices and agreements pages say when they show only the newest of a longer list.</summary>
public sealed class CappedListTests(ConsoleAppWithCappedLists app) : IClassFixture<ConsoleAppWithCappedLists>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/committee/notices", "notices-truncated", "显示最新的 1 份公示，共 900 份", "最新公示平台")]
    [InlineData("/committee/agreements", "agreements-truncated", "显示最新的 1 份协议，共 1500 份", "最新协议平台")]
    public async Task A_page_of_a_capped_list_says_how_many_there_are_in_all(string path, string testId, string note, string row)
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "committee");

        var response = await browser.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.Contains(row, html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"{testId}\"", html, StringComparison.Ordinal);
        Assert.Contains(note, html, StringComparison.Ordinal);
    }
}
