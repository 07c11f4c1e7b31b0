using Zgc.Messaging;
using Zgc.Monitoring.Features;
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
        builder.AddServiceDatabase<MonitoringDbContext, SqliteMonitoringDbContext, PostgresMonitoringDbContext, SqlServerMonitoringDbContext>("Monitoring");
        builder.AddServiceMessaging<MonitoringDbContext>(Name);
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app)
    {
        var monitoring = app.MapGroup("/" + Name).WithTags("Monitoring").RequireAuthorization();
        ReferenceFigures.Map(monitoring);
        monitoring.MapMessagingOperations<MonitoringDbContext>(Name).RequireOperators();
        return app;
    }
}
