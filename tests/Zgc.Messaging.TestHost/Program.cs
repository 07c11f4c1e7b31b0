using MassTransit;
using Zgc.Messaging.TestHost.Counters;
using Zgc.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Messaging.TestHost;

/// <summary>A test service wired like every real one: defaults, its database, its messaging, its endpoints.</summary>
public sealed class Program
{
    public const string Service = "msgtest";

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The schema comes from EnsureCreated (DatabaseCreator), so the migrator must not create an empty history first.
        builder.Configuration.AddInMemoryCollection([new("Database:MigrateOnStartup", "false")]);
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<TestDbContext, SqliteTestDbContext, PostgresTestDbContext, SqlServerTestDbContext>("MessagingTest");
        builder.Services.AddHostedService<DatabaseCreator>();
        builder.Services.AddSingleton<ReceiveCounter>();
        builder.Services.AddReceiveObserver(sp => sp.GetRequiredService<ReceiveCounter>());
        builder.Services.AddSingleton<DeliveryPathCounter>();
        builder.Services.AddSingleton<SendOrderRecorder>();
        builder.Services.AddSingleton<LingerGauge>();
        builder.Services.AddSendObserver(sp => sp.GetRequiredService<SendOrderRecorder>());
        builder.AddServiceMessaging<TestDbContext>(Service, m => m
            .AddConsumer<Step1Consumer>()
            .AddConsumer<Step2Consumer>()
            .AddConsumer<PingConsumer>()
            .AddConsumer<WakeupConsumer>()
            .AddConsumer<LingerConsumer>(LingerConsumer.ConcurrentMessageLimit)
            .AddStateMachine<CounterStateMachine, CounterSaga>());

        var app = builder.Build();
        app.Services.GetRequiredService<DeliveryPathCounter>(); // listening from the start
        app.MapDefaultEndpoints();
        app.MapTestEndpoints();
        app.Run();
    }
}
