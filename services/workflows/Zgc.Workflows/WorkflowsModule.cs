using Zgc.Audit;
using Zgc.Messaging;
using Zgc.Persistence;
using Zgc.ServiceDefaults;
using Zgc.Workflows.Features;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows;

/// <summary>The one list of everything the workflows service registers and maps.</summary>
public static class WorkflowsModule
{
    public const string Name = "workflows";

    public static IHostApplicationBuilder AddWorkflows(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<WorkflowsDbContext, SqliteWorkflowsDbContext, PostgresWorkflowsDbContext, SqlServerWorkflowsDbContext>("Workflows");
        builder.AddAudit(Name);
        builder.Services.AddOptions<WorkflowsOptions>().BindConfiguration(WorkflowsOptions.Section)
            .Validate(o => o.InstanceWatchMaxWait >= TimeSpan.Zero, "Workflows:InstanceWatchMaxWait cannot be negative.")
            .Validate(o => o.InstanceWatchRecheck > TimeSpan.Zero, "Workflows:InstanceWatchRecheck must be more than zero.")
            .ValidateOnStart();
        // Wakes the instance page's long polls when an instance's transaction commits (an EF interceptor on this context).
        builder.Services.AddSingleton<InstanceChanges>();
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<InstanceChanges>());
        builder.AddServiceMessaging<WorkflowsDbContext>(Name, m => m.AddStateMachine<PlatformLifecycleStateMachine, PlatformLifecycle>());
        builder.AddLifecycleGauges();
        return builder;
    }

    public static IEndpointRouteBuilder MapWorkflows(this IEndpointRouteBuilder app)
    {
        var workflows = app.MapGroup("/" + Name).WithTags("Workflows").RequireOperators();
        ListInstances.Map(workflows);
        GetInstance.Map(workflows);
        InstanceCounts.Map(workflows);
        LifecycleDiagram.Map(workflows);
        AdminActions.Map(workflows);
        Incidents.Map(workflows);
        Policies.Map(workflows);
        workflows.MapMessagingOperations<WorkflowsDbContext>(Name);
        app.MapAudit(Name);
        return app;
    }
}
