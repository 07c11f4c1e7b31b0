using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zgc.Audit.Persistence;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// Keeps <paramref name="service"/>'s audit log in the service's own database (the provider and connection string
    /// <c>AddServiceDatabase</c> uses), records its state-changing requests, and offers
    /// <c>[FromKeyedServices(service)] IAuditLog</c> for explicit entries. Call it after <c>AddServiceDatabase</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder, string service)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(AuditedService) && d.ImplementationInstance is AuditedService s
            && string.Equals(s.Name, service, StringComparison.OrdinalIgnoreCase)))
        {
            return builder;
        }

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ServiceDatabaseExtensions.ResolveConnectionString(builder.Configuration, options, service, builder.Environment.ContentRootPath);

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AuditMetrics>();
        services.TryAddSingleton<AuditLogRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, AuditStartupFilter>());
        services.AddSingleton(new AuditedService(service));
        services.AddKeyedSingleton(service, (sp, _) => new AuditLog(service, new AuditStore(options.Provider, connectionString, sp),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuditMetrics>(), sp.GetRequiredService<ILogger<AuditLog>>()));
        services.AddKeyedSingleton<IAuditLog>(service, (sp, key) => sp.GetRequiredKeyedService<AuditLog>(key));
        if (options.MigrateOnStartup)
        {
            // Not AddHostedService: it would keep only one migrator however many services a process audits.
            services.AddSingleton<IHostedService>(sp =>
                new AuditMigrator(sp.GetRequiredKeyedService<AuditLog>(service), sp.GetRequiredService<ILogger<AuditMigrator>>()));
        }

        return builder;
    }

    /// <summary>
    /// <c>GET /{service}/audit</c> (search) and <c>GET /{service}/audit/verify</c> (check the chain), for operators
    /// (committee and monitoring officers, admins).
    /// </summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app, string service)
    {
        ArgumentNullException.ThrowIfNull(app);
        var log = app.ServiceProvider.GetKeyedService<AuditLog>(service)
            ?? throw new InvalidOperationException($"MapAudit(\"{service}\") needs builder.AddAudit(\"{service}\") first.");
        var audit = app.MapGroup("/" + service + "/audit").WithTags("Audit").RequireOperators();
        AuditEndpoints.Map(audit, log);
        return app;
    }
}
