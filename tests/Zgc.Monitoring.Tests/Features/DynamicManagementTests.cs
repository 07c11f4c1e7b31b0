using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zgc.Monitoring.Domain.Management;
using Zgc.Monitoring.Features.Management;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Testing;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Features;

/// <summary>R-A14-EVAL dynamic management: warning, rectification with a durable deadline timer, exit; all in the platform's history.</summary>
public sealed class DynamicManagementTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset May6 = new(2026, 5, 6, 10, 0, 0, Beijing);
    private static readonly DateTimeOffset AfterJune30 = new(2026, 7, 1, 0, 0, 0, Beijing);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task Warning_rectification_overdue_by_its_timer_then_exit_all_kept_as_history()
    {
        await using var app = new ClockedMonitoringApp(May6);
        var applicationId = Guid.NewGuid();
        await app.Open(Window(applicationId, 1, 2025, new DateOnly(2099, 3, 31)));
        using var officer = app.Client(Roles.MonitoringOfficer);

        var warned = await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/warnings", new { reason = "年度报告数据与审计结果不一致" }, Ct);
        Assert.Equal(HttpStatusCode.Created, warned.StatusCode);
        await app.Delivered("PlatformWarned", applicationId);

        var past = await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/rectifications", new { requirements = "补充台账", deadline = "2026-05-05" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("deadline", (await past.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("field").GetString());

        var ordered = await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/rectifications",
            new { requirements = "补充研发费用辅助账并经第三方审计", deadline = "2026-06-30" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var orderId = (await ordered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        app.Clock.SetUtcNow(AfterJune30.AddSeconds(-1));
        await Task.Delay(1500, Ct);
        Assert.Equal(RectificationStatus.Open, (await Order(app, orderId)).Status);

        app.Clock.SetUtcNow(AfterJune30);
        await Eventually.Get(() => Order(app, orderId)!, o => o!.Status == RectificationStatus.Overdue, "rectification overdue");
        var overdue = await app.Delivered("RectificationOverdue", applicationId);
        Assert.Equal("2026-06-30", overdue.GetProperty("deadline").GetString());

        var exited = await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/exit",
            new { reason = "整改逾期未完成", decisionReference = "中科园发〔2026〕20号" }, Ct);
        Assert.Equal(HttpStatusCode.OK, exited.StatusCode);
        var exit = await app.Delivered("PlatformExited", applicationId);
        Assert.Equal("整改逾期未完成", exit.GetProperty("reason").GetString());
        Assert.Equal("中科园发〔2026〕20号", exit.GetProperty("decisionReference").GetString());

        var again = await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/exit", new { reason = "x", decisionReference = "y" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Exited", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict,
            (await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/warnings", new { reason = "x" }, Ct)).StatusCode);

        var history = (await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/history", Ct))!
            .Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["ReportWindowOpened", "Warning", "RectificationOrdered", "RectificationOverdue", "Exited"], history);

        using var unit = app.Client(Roles.Applicant, Unit);
        var theirs = await unit.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{applicationId}/rectifications", Ct);
        Assert.Equal("Overdue", Assert.Single(theirs!).GetProperty("status").GetString());
        using var other = app.Client(Roles.Applicant, OtherUnit);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monitoring/platforms/{applicationId}/history", Ct)).StatusCode);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task The_operators_read_every_platforms_orders_in_one_list_with_the_platform_names_earliest_deadline_first()
    {
        await using var app = new ClockedMonitoringApp(May6);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await app.Open(Window(first, 1, 2025, new DateOnly(2099, 3, 31)) with { PlatformName = "第一平台" });
        await app.Open(Window(second, 1, 2025, new DateOnly(2099, 3, 31), OtherUnit) with { PlatformName = "第二平台" });
        using var officer = app.Client(Roles.MonitoringOfficer);
        foreach (var (id, deadline) in new[] { (first, "2026-09-30"), (second, "2026-06-30"), (first, "2026-07-31") })
        {
            (await officer.PostAsJsonAsync($"/monitoring/platforms/{id}/rectifications", new { requirements = "整改 " + deadline, deadline }, Ct)).EnsureSuccessStatusCode();
        }

        var completed = (await officer.GetFromJsonAsync<List<JsonElement>>($"/monitoring/platforms/{first}/rectifications", Ct))!
            .Single(o => o.GetProperty("deadline").GetString() == "2026-09-30").GetProperty("id").GetGuid();
        (await officer.PostAsJsonAsync($"/monitoring/rectifications/{completed}/complete", new { note = "已整改" }, Ct)).EnsureSuccessStatusCode();

        using var committee = app.Client(Roles.CommitteeOfficer);
        var all = (await committee.GetFromJsonAsync<List<JsonElement>>("/monitoring/rectifications", Ct))!;
        Assert.Equal(["2026-06-30", "2026-07-31", "2026-09-30"], all.Select(o => o.GetProperty("deadline").GetString()));
        Assert.Equal(["第二平台", "第一平台", "第一平台"], all.Select(o => o.GetProperty("platformName").GetString()));
        var open = (await committee.GetFromJsonAsync<List<JsonElement>>("/monitoring/rectifications?status=Open", Ct))!;
        Assert.Equal([second, first], open.Select(o => o.GetProperty("applicationId").GetGuid()));

        using var unit = app.Client(Roles.Applicant, Unit);
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/monitoring/rectifications", Ct)).StatusCode);
        var badStatus = await committee.GetAsync("/monitoring/rectifications?status=Pending", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("status", await badStatus.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A14-EVAL")]
    public async Task A_rectification_completed_in_time_never_becomes_overdue()
    {
        await using var app = new ClockedMonitoringApp(May6);
        var applicationId = Guid.NewGuid();
        await app.Open(Window(applicationId, 1, 2025, new DateOnly(2099, 3, 31)));
        using var officer = app.Client(Roles.MonitoringOfficer);
        var ordered = await officer.PostAsJsonAsync($"/monitoring/platforms/{applicationId}/rectifications", new { requirements = "补充台账", deadline = "2026-06-30" }, Ct);
        var orderId = (await ordered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var admin = app.Client(Roles.Admin);
        Assert.Contains(RectificationTimer.Due(orderId), await PendingTimerTokens(admin));

        (await officer.PostAsJsonAsync($"/monitoring/rectifications/{orderId}/complete", new { note = "已补充并审计" }, Ct)).EnsureSuccessStatusCode();
        Assert.DoesNotContain(RectificationTimer.Due(orderId), await PendingTimerTokens(admin)); // cancelled with the completion
        app.Clock.SetUtcNow(AfterJune30.AddDays(1));
        await Task.Delay(2000, Ct);

        Assert.Equal(RectificationStatus.Completed, (await Order(app, orderId)).Status);
        Assert.Empty(await app.Messages("RectificationOverdue", applicationId));
    }

    private static async Task<List<Guid>> PendingTimerTokens(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>("/monitoring/timers", Ct)).EnumerateArray().Select(t => t.GetProperty("tokenId").GetGuid())];

    private static Task<RectificationOrder> Order(ClockedMonitoringApp app, Guid id) =>
        app.InDb<MonitoringDbContext, RectificationOrder>(db => db.Rectifications.AsNoTracking().SingleAsync(o => o.Id == id, Ct));
}
