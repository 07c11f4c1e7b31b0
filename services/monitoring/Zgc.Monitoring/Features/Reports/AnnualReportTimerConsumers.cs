using MassTransit;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;

namespace Zgc.Monitoring.Features.Reports;

/// <summary>A reminder timer fired: remind the unit unless the report is already in (R-A14-ANNUAL).</summary>
internal sealed class AnnualReportReminderDueConsumer(MonitoringDbContext db, IOutbox<MonitoringDbContext> outbox) : IConsumer<AnnualReportReminderDue>
{
    public async Task Consume(ConsumeContext<AnnualReportReminderDue> context)
    {
        var report = await db.Report(context.Message.ReportId, context.CancellationToken);
        if (report is null || !report.Remind(context.Message.DaysBefore))
        {
            return;
        }

        await outbox.Publish(new AnnualReportReminder(report.ApplicationId, report.Id, report.ConstructionYear, report.UnitUscc, report.DueOn,
            context.Message.DaysBefore), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>The due timer fired at 24:00 Beijing of the due date: a report not yet submitted becomes overdue (R-A14-ANNUAL).</summary>
internal sealed class AnnualReportDueConsumer(MonitoringDbContext db, IOutbox<MonitoringDbContext> outbox, TimeProvider clock) : IConsumer<AnnualReportDue>
{
    public async Task Consume(ConsumeContext<AnnualReportDue> context)
    {
        var report = await db.Report(context.Message.ReportId, context.CancellationToken);
        var now = clock.GetUtcNow();
        if (report is { Status: AnnualReportStatus.Open } && now < report.DueAt)
        {
            // Found due by a replica whose clock is ahead of this one (skew, or a process just restarted): set the timer
            // again for its instant rather than lose it or mark the report overdue early.
            await outbox.SchedulePublish(report.DueAt, context.Message, ReportTimers.Due(report.Id), context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        if (report is null || !report.MarkOverdue(now))
        {
            return;
        }

        db.History.Add(PlatformEvent.Of(report.ApplicationId, PlatformEventKind.ReportOverdue,
            $"Annual report of construction year {report.ConstructionYear} not submitted by {report.DueOn:yyyy-MM-dd}.", "system", now, report.Id));
        await outbox.Publish(new AnnualReportOverdue(report.ApplicationId, report.Id, report.ConstructionYear, report.UnitUscc, report.DueOn, now),
            context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
