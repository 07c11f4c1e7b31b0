using System.Net;

namespace Zgc.Console.Tests;

/// <summary>A console whose monitoring API answers a page of 1 report out of 750 awaiting evaluation.</summary>
public sealed class ConsoleAppWithMonitoring : ConsoleAppWithFakeApi
{
    public ConsoleAppWithMonitoring()
    {
        Fake.Answer("/monitoring/reports", """
            [{"id":"5d0c7a2e-1111-4b6c-9e7f-0a1b2c3d4e5f","applicationId":"7e1f2a3b-2222-4b6c-9e7f-0a1b2c3d4e5f","unitUscc":"91110108MA01ABCD1E",
              "constructionYear":1,"periodStart":"2025-01-01","periodEnd":"2025-12-31","dueOn":"2026-03-31","status":"Submitted",
              "openedAt":"2026-01-02T00:00:00+00:00","submittedAt":"2026-03-20T02:00:00+00:00","submittedLate":false,"overdueAt":null,
              "grade":null,"comments":null,"evaluatedBy":null,"evaluatedAt":null,"platformName":"高精尖协同创新平台（示例）"}]
            """, headers: new Dictionary<string, string> { ["X-Total-Count"] = "750" });
        Fake.Answer("/monitoring/rectifications", "[]");
        Fake.Answer("/monitoring/fraud-cases", "[]");
    }
}

/// <summary>The monitoring inbox over a fake monitoring API: totals from the service, names from each row, a bounded first page.</summary>
public sealed class MonitoringInboxTests(ConsoleAppWithMonitoring app) : IClassFixture<ConsoleAppWithMonitoring>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task The_inbox_counts_every_report_awaiting_evaluation_and_says_it_shows_the_earliest_due_first()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "monitoring");

        var response = await browser.GetAsync("/monitoring", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.Contains("data-testid=\"count-awaiting\">750<", html, StringComparison.Ordinal);
        Assert.Contains("显示最早到期的 1 份，共 750 份", html, StringComparison.Ordinal);
        Assert.Contains("高精尖协同创新平台（示例）", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-rectifications\">0<", html, StringComparison.Ordinal);

        var calls = app.Fake.Requests.Where(r => r.Uri.AbsolutePath == "/monitoring/reports").Select(r => r.Uri.Query).ToList();
        Assert.Contains("?view=summary&pageSize=500&status=Submitted", calls);
        Assert.Contains("?view=summary&pageSize=500&status=Overdue", calls);
        Assert.DoesNotContain(app.Fake.Requests, r => r.Uri.AbsolutePath == "/monitoring/platforms" || (r.Uri.AbsolutePath.EndsWith("/rectifications", StringComparison.Ordinal) && r.Uri.AbsolutePath != "/monitoring/rectifications"));
    }
}
