using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Tests;

/// <summary>A console whose API calls are answered by <see cref="FakeApi"/> with one lifecycle instance.</summary>
public sealed class ConsoleAppWithWorkflows : ConsoleAppWithFakeApi
{
    public const string InstanceId = "3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f";
    public const string BrokenId = "00000000-0000-0000-0000-0000000000ee";
    public const string NextCursor = "AAAI3Fq0cQBAAAAAAAAAAAAAAAAAAAAA";

    private const string Summary = """
        "id":"3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f","platformName":"高精尖协同创新平台（示例）","unitUscc":"91110108MA01ABCD1E",
        "subPark":"haidian","currentState":"InNotice","policyVersion":"2019",
        "createdAt":"2026-03-02T01:00:00+00:00","updatedAt":"2026-03-09T02:30:00+00:00"
        """;

    public ConsoleAppWithWorkflows()
    {
        Fake.Answer("/workflows/instances", "[{" + Summary + "}]",
            headers: new Dictionary<string, string> { ["X-Total-Count"] = "120", ["X-Next-Cursor"] = NextCursor });
        Fake.Answer("/workflows/instances/" + InstanceId, "{" + Summary + """
            ,"unitName":"北京示例科技有限公司","transitions":[
              {"event":"Submitted","from":"Initial","to":"SubParkReview","at":"2026-03-02T01:00:00+00:00","messageId":"11111111-1111-1111-1111-111111111111"},
              {"event":"NoticeOpened","from":"AwaitingNotice","to":"InNotice","at":"2026-03-09T02:30:00+00:00","messageId":null}]}
            """);
        Fake.Answer("/workflows/instances/" + BrokenId, "not json at all");
        Fake.Answer("/workflows/graph.svg", """<svg xmlns="http://www.w3.org/2000/svg"><g class="state current" data-state="InNotice"><text>InNotice</text></g></svg>""",
            mediaType: "image/svg+xml");
    }
}

/// <summary>The lifecycle pages, over a fake workflows API.</summary>
public sealed class WorkflowPagesTests(ConsoleAppWithWorkflows app) : IClassFixture<ConsoleAppWithWorkflows>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_instances_table_lists_each_instance_with_a_link_and_calls_the_API_as_the_user()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "monitoring");

        var response = await browser.GetAsync("/workflows", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.Contains("data-testid=\"instances-table\"", html, StringComparison.Ordinal);
        Assert.Single(html.Split("data-testid=\"instance-row\"").Skip(1));
        Assert.Contains($"href=\"workflows/{ConsoleAppWithWorkflows.InstanceId}\"", html, StringComparison.Ordinal);
        Assert.Contains("高精尖协同创新平台（示例）", html, StringComparison.Ordinal);
        Assert.Contains("公示中", html, StringComparison.Ordinal); // InNotice, for people
        Assert.Contains("2026-03-09 10:30", html, StringComparison.Ordinal); // Beijing time
        Assert.Contains("<td>海淀园</td>", html, StringComparison.Ordinal); // the sub-park by name
        Assert.DoesNotContain("data-testid=\"api-error\"", html, StringComparison.Ordinal);

        var call = app.Fake.Requests.Last(r => r.Uri.AbsolutePath == "/workflows/instances");
        Assert.StartsWith("Bearer ", call.Authorization, StringComparison.Ordinal);
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(call.Authorization!["Bearer ".Length..]);
        Assert.Equal("monitoring", jwt.GetClaim(ZgcClaims.Subject).Value);
        Assert.Equal(Roles.MonitoringOfficer, jwt.GetClaim(ZgcClaims.Role).Value);
    }

    [Fact, Trait("Req", "S-OPS")]
    public async Task The_instances_table_says_which_rows_of_how_many_and_links_the_next_page_with_the_same_filters()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "monitoring");

        var html = await ConsoleApp.Html(await browser.GetAsync("/workflows", Ct));
        Assert.Contains("第 1–1 个，共 120 个实例", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"workflows?after={ConsoleAppWithWorkflows.NextCursor}&size=50&from=1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"instances-first\"", html, StringComparison.Ordinal);
        var first = app.Fake.Requests.Last(r => r.Uri.AbsolutePath == "/workflows/instances");
        Assert.Equal("?pageSize=50", first.Uri.Query);

        // A later page with filters (as the dashboard's per-state links and the filter form write them).
        html = await ConsoleApp.Html(await browser.GetAsync($"/workflows?state=InNotice&subPark=haidian&waitingDays=30&size=20&after={ConsoleAppWithWorkflows.NextCursor}&from=20", Ct));
        var call = app.Fake.Requests.Last(r => r.Uri.AbsolutePath == "/workflows/instances");
        Assert.Equal($"?state=InNotice&subPark=haidian&waitingDays=30&after={ConsoleAppWithWorkflows.NextCursor}&pageSize=20", call.Uri.Query);
        Assert.Contains("name=\"waitingDays\" type=\"number\" min=\"0\" max=\"3650\" value=\"30\"", html, StringComparison.Ordinal);
        Assert.Contains("第 21–21 个，共 120 个实例", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"InNotice\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"haidian\" selected", html, StringComparison.Ordinal);
        Assert.Contains("href=\"workflows?state=InNotice&subPark=haidian&waitingDays=30&size=20\" data-testid=\"instances-first\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"workflows?state=InNotice&subPark=haidian&waitingDays=30&after={ConsoleAppWithWorkflows.NextCursor}&size=20&from=21\" data-testid=\"instances-next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instance_page_shows_the_current_state_and_the_transitions()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "committee");

        var response = await browser.GetAsync("/workflows/" + ConsoleAppWithWorkflows.InstanceId + "?lang=en", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleApp.Html(response);
        Assert.Contains("data-testid=\"current-state\"", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"InNotice\"", html, StringComparison.Ordinal);
        Assert.Contains("In public notice", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("data-testid=\"transition\"").Length - 1);
        Assert.Contains("data-event=\"Submitted\"", html, StringComparison.Ordinal);
        Assert.Contains("11111111-1111-1111-1111-111111111111", html, StringComparison.Ordinal);
        Assert.Contains("北京示例科技有限公司", html, StringComparison.Ordinal);
        // The lifecycle graph, asked for this instance, with its state highlighted.
        Assert.Contains("data-testid=\"lifecycle-graph\"", html, StringComparison.Ordinal);
        Assert.Contains("<g class=\"state current\" data-state=\"InNotice\">", html, StringComparison.Ordinal);
        Assert.Contains(app.Fake.Requests, r => r.Uri.AbsolutePath == "/workflows/graph.svg" && r.Uri.Query.Contains(ConsoleAppWithWorkflows.InstanceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_instance_shows_the_services_explanation()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "admin");

        var html = await ConsoleApp.Html(await browser.GetAsync("/workflows/" + Guid.NewGuid(), Ct));
        Assert.Contains("data-error-kind=\"NotFound\"", html, StringComparison.Ordinal);
        Assert.Contains("没有该流程实例。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_answer_is_a_message_not_an_exception()
    {
        using var browser = app.Browser();
        await ConsoleApp.SignIn(browser, "admin");

        var response = await browser.GetAsync("/workflows/" + ConsoleAppWithWorkflows.BrokenId, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-error-kind=\"BadResponse\"", await ConsoleApp.Html(response), StringComparison.Ordinal);
    }
}
