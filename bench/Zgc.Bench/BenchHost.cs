using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Zgc.Messaging;
using Zgc.Messaging.Registration;
using Zgc.Persistence;

namespace Zgc.Bench;

/// <summary>Generic hosts for the scenarios, composed the way a service composes itself.</summary>
public static class BenchHost
{
    public const string Service = "bench";

    /// <summary>A host with our messaging on <see cref="BenchDbContext"/> (PostgreSQL, schema by EnsureCreated).</summary>
    public static IHost BuildService(BenchOptions options, string connectionString, MessagingTransport transport, string? rabbitMqUri,
        Action<ServiceMessagingBuilder<BenchDbContext>> messaging)
    {
        var builder = NewBuilder();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["Database:MigrateOnStartup"] = "false",
            ["ConnectionStrings:Bench"] = connectionString,
            ["Messaging:Transport"] = transport.ToString(),
        };
        if (rabbitMqUri is not null)
        {
            settings["Messaging:RabbitMq"] = rabbitMqUri;
        }

        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDatabase<BenchDbContext, PostgresBenchDbContext, PostgresBenchDbContext, PostgresBenchDbContext>("Bench");
        builder.AddServiceMessaging(Service, messaging);
        return builder.Build();
    }

    /// <summary>A host with plain MassTransit: the bench state machine on the in-memory saga repository and transport.</summary>
    public static IHost BuildInMemorySaga()
    {
        var builder = NewBuilder();
        builder.Services.AddMassTransit(x =>
        {
            x.AddSagaStateMachine<BenchStateMachine, BenchSaga>().InMemoryRepository();
            x.UsingInMemory((context, cfg) => cfg.ReceiveEndpoint($"{Service}-bench", e => e.ConfigureSaga<BenchSaga>(context)));
        });
        return builder.Build();
    }

    /// <summary>Creates the schema (for service hosts), starts the host and waits until the bus and its endpoints are up.</summary>
    public static async Task Start(IHost host, TimeSpan timeout)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetService<BenchDbContext>() is { } db)
            {
                await db.Database.EnsureCreatedAsync();
            }
        }

        await host.StartAsync();
        using var cancel = new CancellationTokenSource(timeout);
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, cancel.Token);
        if (health != BusHealthStatus.Healthy)
        {
            throw new InvalidOperationException($"The bus did not become healthy: {health}");
        }
    }

    /// <summary>The messaging settings the host actually runs with (defaults plus <c>--set</c> values).</summary>
    public static MessagingOptions EffectiveMessagingOptions(IHost host) =>
        host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "Zgc.Bench",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // EF logs every command at Information; only problems are of interest here.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        return builder;
    }

    /// <summary>Used by the saga scenario to check what the EF repository stored.</summary>
    public static async Task<(int Instances, int Applied)> StoredSagas(IHost host, IReadOnlyCollection<Guid> ids)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var rows = await db.Sagas.AsNoTracking().Where(x => ids.Contains(x.CorrelationId)).ToListAsync();
        return (rows.Count, rows.Sum(x => x.Applied));
    }
}
