using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Features.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;
using static Zgc.Monitoring.Tests.MonitoringHostExtensions;

namespace Zgc.Monitoring.Tests.Features;

/// <summary>R-A14-ANNUAL: reminders before the due date and the overdue state come from durable timers on the service's clock.</summary>
public sealed class AnnualReportTimerTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 9, 0, 0, Beijing);
    private static readonly DateOnly DueOn = new(2026, 3, 31);
    private static readonly DateTimeOffset FourteenDaysBefore = new(2026, 3, 17, 0, 0, 0, Beijing);
    private static readonly DateTimeOffset ThreeDaysBefore = new(2026, 3, 28, 0, 0, 0, Beijing);
    private static readonly DateTimeOffset DueAt = new(2026, 4, 1, 0, 0, 0, Beijing);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task Reminders_14_and_3_days_before_then_overdue_at_24_00_Beijing_of_the_due_date_then_a_late_submission()
    {
        await using var app = new ClockedMonitoringApp(March1);
        var applicationId = Guid.NewGuid();
        var command = Window(applicationId, 1, 2025, DueOn);
        var report = await app.Open(command);
        await app.Open(command); // the workflows service may send it twice: one report
        await Task.Delay(1000, Ct);
        Assert.Equal(AnnualReportStatus.Open, report.Status);
        Assert.Equal(1, await app.InDb<MonitoringDbContext, int>(db => db.AnnualReports.CountAsync(r => r.ApplicationId == applicationId, Ct)));
        Assert.Equal(1, await app.InDb<MonitoringDbContext, int>(db => db.Platforms.CountAsync(p => p.ApplicationId == applicationId, Ct)));

        app.Clock.SetUtcNow(FourteenDaysBefore.AddSeconds(-1));
        await Task.Delay(1500, Ct);
        Assert.Equal("", (await app.Report(applicationId, 1))!.RemindersSent);

        app.Clock.SetUtcNow(FourteenDaysBefore);
        await app.WaitForReport(applicationId, 1, r => r!.RemindersSent == "14");
        var reminder = await app.Delivered("AnnualReportReminder", applicationId);
        Assert.Equal(14, reminder.GetProperty("daysBefore").GetInt32());
        Assert.Equal(Unit, reminder.GetProperty("unitUscc").GetString());

        app.Clock.SetUtcNow(ThreeDaysBefore);
        await app.WaitForReport(applicationId, 1, r => r!.RemindersSent == "14,3");

        app.Clock.SetUtcNow(DueAt.AddSeconds(-1));
        await Task.Delay(1500, Ct);
        Assert.Equal(AnnualReportStatus.Open, (await app.Report(applicationId, 1))!.Status);

        app.Clock.SetUtcNow(DueAt);
        var overdue = await app.WaitForReport(applicationId, 1, r => r!.Status == AnnualReportStatus.Overdue);
        Assert.Equal(DueAt, overdue.OverdueAt);
        var announced = await app.Delivered("AnnualReportOverdue", applicationId);
        Assert.Equal("2026-03-31", announced.GetProperty("dueOn").GetString());

        using var unit = app.Client(Roles.Applicant, Unit);
        (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).EnsureSuccessStatusCode();
        var submitted = await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var late = await app.Report(applicationId, 1);
        Assert.Equal(AnnualReportStatus.Submitted, late!.Status);
        Assert.True(late.SubmittedLate);
        Assert.True((await app.Delivered("AnnualReportSubmitted", applicationId)).GetProperty("late").GetBoolean());
    }

    /// <summary>
    /// The due timer found due by a replica whose clock is ahead reaches this one a moment early: it must neither mark the
    /// report overdue early nor be lost.
    /// </summary>
    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task A_due_timer_that_arrives_before_this_hosts_clock_reaches_the_due_time_is_set_again_not_lost()
    {
        await using var app = new ClockedMonitoringApp(March1);
        var applicationId = Guid.NewGuid();
        var report = await app.Open(Window(applicationId, 1, 2025, DueOn));
        var removed = await app.InDb<MonitoringDbContext, int>(db => db.Set<Zgc.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.ScheduleTokenId != null && m.MessageType.Contains("AnnualReportDue")).ExecuteDeleteAsync(Ct));
        Assert.Equal(1, removed);

        app.Clock.SetUtcNow(DueAt.AddSeconds(-1));
        await app.Services.GetRequiredService<MassTransit.IBus>().Publish(new Zgc.Monitoring.Contracts.AnnualReportDue(report.Id, DueOn), Ct);
        await Task.Delay(1500, Ct);
        Assert.Equal(AnnualReportStatus.Open, (await app.Report(applicationId, 1))!.Status);

        app.Clock.SetUtcNow(DueAt);
        var overdue = await app.WaitForReport(applicationId, 1, r => r!.Status == AnnualReportStatus.Overdue);
        Assert.Equal(DueAt, overdue.OverdueAt);
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task A_report_submitted_in_time_gets_no_reminder_and_never_becomes_overdue()
    {
        await using var app = new ClockedMonitoringApp(March1);
        var applicationId = Guid.NewGuid();
        var report = await app.Open(Window(applicationId, 1, 2025, DueOn));
        var other = await app.Open(Window(Guid.NewGuid(), 1, 2025, DueOn));
        using var admin = app.Client(Roles.Admin);
        Assert.Equal(6, (await PendingTimers(admin)).Count); // two reminders and the due timer of each report

        using var unit = app.Client(Roles.Applicant, Unit);
        (await unit.PutAsJsonAsync($"/monitoring/reports/{report.Id}/draft", Indicators(), Ct)).EnsureSuccessStatusCode();
        (await unit.PostAsync($"/monitoring/reports/{report.Id}/submit", null, Ct)).EnsureSuccessStatusCode();

        // The submission cancelled its report's timers (they could change nothing now); the other report keeps its own.
        var pending = await PendingTimers(admin);
        Assert.Equal(ReportTimers.All(other.Id, new MonitoringOptions()).Order(), pending.Select(t => t.GetProperty("tokenId").GetGuid()).Order());

        app.Clock.SetUtcNow(DueAt.AddDays(1));
        await Task.Delay(2000, Ct);

        var after = await app.Report(applicationId, 1);
        Assert.Equal(AnnualReportStatus.Submitted, after!.Status);
        Assert.Equal("", after.RemindersSent);
        Assert.Empty(await app.Messages("AnnualReportReminder", applicationId));
        Assert.Empty(await app.Messages("AnnualReportOverdue", applicationId));
    }

    [Fact, Trait("Req", "R-A14-ANNUAL")]
    public async Task The_reminder_days_are_configurable_and_past_ones_are_skipped()
    {
        var settings = new Dictionary<string, string?> { ["Monitoring:ReminderDaysBeforeDue:0"] = "7", ["Monitoring:ReminderDaysBeforeDue:1"] = "40" };
        await using var app = new ClockedMonitoringApp(March1, settings);
        var applicationId = Guid.NewGuid();
        await app.Open(Window(applicationId, 1, 2025, DueOn));

        app.Clock.SetUtcNow(FourteenDaysBefore);
        await Task.Delay(1500, Ct);
        Assert.Equal("", (await app.Report(applicationId, 1))!.RemindersSent);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 24, 0, 0, 0, Beijing));
        await app.WaitForReport(applicationId, 1, r => r!.RemindersSent == "7");
        Assert.Single(await app.Messages("AnnualReportReminder", applicationId));
    }

    private static async Task<List<System.Text.Json.JsonElement>> PendingTimers(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/monitoring/timers", Ct)).EnumerateArray()
            .Where(t => t.GetProperty("messageType").GetString()!.Contains("AnnualReport", StringComparison.Ordinal))];
}
