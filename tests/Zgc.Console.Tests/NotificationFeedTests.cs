using System.Security.Claims;
using System.Text.Json.Nodes;
using Zgc.Console.Api;
using Zgc.Console.Notifications;
using Zgc.ServiceDefaults;

namespace Zgc.Console.Tests;

/// <summary>
/// What the notification feed asks the services for, and what it makes of the answers, over a reader that records the
/// paths and answers from a table (no server).
/// </summary>
public sealed class NotificationFeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClaimsPrincipal User(string role, string? unit = null)
    {
        List<Claim> claims = [new(ClaimTypes.Role, role)];
        if (unit is not null)
        {
            claims.Add(new Claim("unit", unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static NotificationFeed.Reader Answering(List<string> asked, Dictionary<string, string> answers) => (path, _) =>
    {
        asked.Add(path);
        return Task.FromResult(answers.TryGetValue(path, out var json)
            ? ApiResult<JsonNode>.Ok(JsonNode.Parse(json)!)
            : ApiResult<JsonNode>.Fail(new ApiError(ApiErrorKind.NotFound)));
    };

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task A_monitoring_officer_hears_of_the_submitted_reports_asked_for_by_status_not_from_a_page_of_every_report()
    {
        // At the programme's size the first page of every report, earliest due first, holds years long evaluated; the
        // reports waiting now come only when asked for by their status.
        List<string> asked = [];
        var reader = Answering(asked, new()
        {
            ["monitoring/reports?status=Submitted&view=summary"] = """
                [{"id":"5d0c7a2e-1111-4b6c-9e7f-0a1b2c3d4e5f","constructionYear":2,"status":"Submitted","submittedAt":"2026-03-20T02:00:00+00:00"}]
                """,
        });

        var feed = await NotificationFeed.For(User(Roles.MonitoringOfficer), reader, Ct);

        Assert.Equal(["monitoring/reports?status=Submitted&view=summary"], asked);
        var notification = Assert.Single(feed.Items);
        Assert.Equal("report:5d0c7a2e-1111-4b6c-9e7f-0a1b2c3d4e5f:Submitted", notification.Key);
        Assert.Contains("第2建设年度", notification.TextZh, StringComparison.Ordinal);
        Assert.Empty(feed.Unreadable);
    }

    [Fact]
    public async Task A_sub_park_officer_hears_how_many_more_wait_than_the_page_the_service_answered()
    {
        List<string> asked = [];
        var row = """{"id":"00000000-0000-0000-0000-0000000000a1","status":"Submitted","platformName":"待受理平台","submittedAt":"2026-03-01T02:00:00+00:00"}""";
        var reader = Answering(asked, new()
        {
            ["intake/applications?status=Submitted&pageSize=100"] = $$"""{"items":[{{row}}],"pageNumber":1,"pageSize":100,"total":250}""",
        });

        var feed = await NotificationFeed.For(User(Roles.SubParkOfficer), reader, Ct);

        Assert.Equal(2, feed.Items.Count);
        Assert.Contains(feed.Items, n => n.Kind == "subpark" && n.TextZh.Contains("待受理平台", StringComparison.Ordinal));
        var more = Assert.Single(feed.Items, n => n.Kind == "more");
        Assert.Equal("subpark", more.Link);
        Assert.Contains("249", more.TextEn, StringComparison.Ordinal);

        // The whole list in one page: nothing more to say.
        var whole = await NotificationFeed.For(User(Roles.SubParkOfficer), Answering([], new()
        {
            ["intake/applications?status=Submitted&pageSize=100"] = $$"""{"items":[{{row}}],"pageNumber":1,"pageSize":100,"total":1}""",
        }), Ct);
        Assert.DoesNotContain(whole.Items, n => n.Kind == "more");
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task An_applicant_hears_of_its_open_and_overdue_reports_from_their_summaries()
    {
        List<string> asked = [];
        var reader = Answering(asked, new()
        {
            ["intake/applications?pageSize=100"] = "[]",
            ["funding/agreements"] = "[]",
            ["monitoring/reports?view=summary"] = """
                [{"id":"00000000-0000-0000-0000-000000000001","constructionYear":1,"status":"Evaluated","dueOn":"2026-03-31","openedAt":"2026-01-02T00:00:00+00:00"},
                 {"id":"00000000-0000-0000-0000-000000000002","constructionYear":2,"status":"Overdue","dueOn":"2027-03-31","openedAt":"2027-01-02T00:00:00+00:00"}]
                """,
        });

        var feed = await NotificationFeed.For(User(Roles.Applicant, unit: "91110108MA01ABCD1E"), reader, Ct);

        Assert.Contains("monitoring/reports?view=summary", asked);
        var overdue = Assert.Single(feed.Items);
        Assert.Equal("report:00000000-0000-0000-0000-000000000002:Overdue", overdue.Key);
        Assert.Contains("2027-03-31", overdue.TextEn, StringComparison.Ordinal);
    }
}
