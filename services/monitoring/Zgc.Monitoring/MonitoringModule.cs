using Zgc.Audit;
using Zgc.Messaging;
using Zgc.Monitoring.Features;
using Zgc.Monitoring.Features.Dashboards;
using Zgc.Monitoring.Features.Management;
using Zgc.Monitoring.Features.Reports;
using Zgc.Monitoring.Persistence;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Monitoring;

/// <summary>The one list of everything the monitoring service registers and maps.</summary>
public static class MonitoringModule
{
    public const string Name = "monitoring";

    public static IHostApplicationBuilder AddMonitoring(this IHostApplicationBuilder builder)
    {
        // Timers carry what they concern as their correlation id (GET /monitoring/timers, the console's platform page).
        MassTransit.MessageCorrelation.UseCorrelationId<Contracts.AnnualReportReminderDue>(m => m.ReportId);
        MassTransit.MessageCorrelation.UseCorrelationId<Contracts.AnnualReportDue>(m => m.ReportId);
        MassTransit.MessageCorrelation.UseCorrelationId<Contracts.RectificationDue>(m => m.OrderId);
        builder.Services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.Section)
            .Validate(o => o.ConstructionYears is >= 1 and <= 10, "Monitoring:ConstructionYears is 1 to 10.")
            .Validate(o => o.ReminderDaysBeforeDue.All(d => d is >= 1 and <= 365), "Monitoring:ReminderDaysBeforeDue are 1 to 365 days.")
            .ValidateOnStart();
        builder.AddServiceDatabase<MonitoringDbContext, SqliteMonitoringDbContext, PostgresMonitoringDbContext, SqlServerMonitoringDbContext>("Monitoring");
        // Registered after the database's migrator, so it starts once the column it fills exists.
        builder.Services.AddHostedService<Persistence.AttainmentBackfill>();
        builder.AddAudit(Name);
        builder.AddServiceMessaging<MonitoringDbContext>(Name, m => m
            .AddConsumer<OpenAnnualReportConsumer>()
            .AddConsumer<AnnualReportReminderDueConsumer>()
            .AddConsumer<AnnualReportDueConsumer>()
            .AddConsumer<RectificationDueConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app)
    {
        var monitoring = app.MapGroup("/" + Name).WithTags("Monitoring").RequireAuthorization();
        ReferenceFigures.Map(monitoring);
        AnnualReportEndpoints.Map(monitoring);
        EvaluationEndpoints.Map(monitoring);
        DynamicManagementEndpoints.Map(monitoring);
        FraudEndpoints.Map(monitoring);
        MajorMatterEndpoints.Map(monitoring);
        Dashboards.Map(monitoring);
        monitoring.MapMessagingOperations<MonitoringDbContext>(Name).RequireOperators();
        app.MapAudit(Name);
        return app;
    }
}
