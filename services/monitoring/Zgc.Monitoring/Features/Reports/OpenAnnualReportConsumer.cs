using MassTransit;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Reports;

/// <summary>
/// Opens the reporting window of a construction year (R-A14-ANNUAL) with its reminder and due timers; the platform
/// record is created with the first window. Idempotent per application and year; nothing opens for an exited or revoked platform.
/// </summary>
internal sealed class OpenAnnualReportConsumer(MonitoringDbContext db, IOutbox<MonitoringDbContext> outbox, IOptions<MonitoringOptions> options,
    TimeProvider clock) : IConsumer<OpenAnnualReport>
{
    public async Task Consume(ConsumeContext<OpenAnnualReport> context)
    {
        var m = context.Message;
        var ct = context.CancellationToken;
        if (await db.HasReport(m.ApplicationId, m.ConstructionYear, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var platform = await db.Platform(m.ApplicationId, ct);
        if (platform is null)
        {
            platform = MonitoredPlatform.Create(m.ApplicationId, m.AgreementId, m.PlatformName, m.UnitUscc, m.UnitName, m.IndustryField, m.SubPark, now);
            db.Platforms.Add(platform);
        }
        else if (platform.Status != PlatformStatus.Active)
        {
            // An exited or revoked platform reports no more; a window requested late (crossing the exit) is dropped.
            return;
        }

        var report = AnnualReport.Open(m.ApplicationId, m.UnitUscc, m.ConstructionYear, m.PeriodStart, m.PeriodEnd, m.DueOn, now);
        db.AnnualReports.Add(report);
        db.History.Add(PlatformEvent.Of(m.ApplicationId, PlatformEventKind.ReportWindowOpened,
            $"Annual report of construction year {m.ConstructionYear} opened, due {m.DueOn:yyyy-MM-dd}.", "workflows", now, report.Id));

        foreach (var days in options.Value.EffectiveReminderDays.Where(d => d > 0).Distinct())
        {
            var remindAt = BeijingTime.StartOfDay(report.DueOn.AddDays(-days));
            if (remindAt > now)
            {
                await outbox.SchedulePublish(remindAt, new AnnualReportReminderDue(report.Id, days), ReportTimers.Reminder(report.Id, days), ct);
            }
        }

        await outbox.SchedulePublish(report.DueAt, new AnnualReportDue(report.Id, report.DueOn), ReportTimers.Due(report.Id), ct);
        await db.SaveChangesAsync(ct);
    }
}
