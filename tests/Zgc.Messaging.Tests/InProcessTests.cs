using DotNet.Testcontainers.Configurations;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;
using Zgc.Messaging.TestHost;
using Zgc.Messaging.Tests.Support;
using Zgc.Testing;

namespace Zgc.Messaging.Tests;

/// <summary>
/// The basic guarantees on the engines that the process tests do not cover, with the TestHost in-process on the
/// in-memory bus: SQLite (the standalone host's engine) and SQL Server (in a container, where Docker exists).
/// </summary>
public abstract class InProcessMessagingTests(InProcessHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_published_by_a_consumer_is_delivered_after_its_transaction_commits()
    {
        var api = host.Api();
        var key = Guid.NewGuid();

        await api.ProduceStep1(key);

        var stats = await Eventually.Get(async () => (HostStats?)await api.Stats(key), s => s!.Effect("step2") == 1,
            $"Step2 ({host.Name})", TimeSpan.FromSeconds(30));
        Assert.Equal(1, stats.Effect("step1"));
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_is_handled_once()
    {
        var api = host.Api();
        var key = Guid.NewGuid();
        var before = (await api.Stats()).Received("msgtest-ping");

        await api.ProduceDuplicatePing(key, copies: 3);

        await Eventually.Get(async () => (HostStats?)await api.Stats(key), s => s!.Received("msgtest-ping") - before >= 3,
            $"three deliveries ({host.Name})", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var stats = await api.Stats(key);
        Assert.True(stats.Effect("ping") == 1 && stats.Received("msgtest-ping") - before == 3,
            $"three deliveries, one effect; got {stats} ({host.Name})");
    }

    [Fact]
    public Task Messages_of_concurrent_transactions_are_each_sent_in_their_transaction_order() =>
        SendOrder.AssertEachTransactionInOrder(host.Api(), host.Name);

    [Fact]
    public async Task A_timer_fires_once_and_a_cancelled_one_never()
    {
        var api = host.Api();
        var fires = Guid.NewGuid();
        var cancelled = Guid.NewGuid();

        // The cancelled timer is due later than the other, so a loaded machine cannot let it fire before it is cancelled;
        // the check waits until well past its due time.
        await api.ScheduleWakeup(fires, seconds: 1);
        await api.Cancel(await api.ScheduleWakeup(cancelled, seconds: 4));

        await Eventually.Get(async () => (HostStats?)await api.Stats(fires), s => s!.Effect("wakeup") == 1, $"the wakeup ({host.Name})",
            TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(1, (await api.Stats(fires)).Effect("wakeup"));
        Assert.Equal(0, (await api.Stats(cancelled)).Effect("wakeup"));
    }
}

public sealed class SqliteMessagingTests(SqliteHost host) : InProcessMessagingTests(host), IClassFixture<SqliteHost>;

public sealed class SqlServerMessagingTests(SqlServerHost host) : InProcessMessagingTests(host), IClassFixture<SqlServerHost>;

/// <summary>The TestHost in this test process, on the in-memory bus and a database chosen by the subclass.</summary>
public abstract class InProcessHost : IAsyncLifetime
{
    private ServiceAppFactory<Program>? _factory;
    private HttpClient? _client;

    public abstract string Name { get; }

    /// <summary>Why this engine cannot be tested here, or null.</summary>
    protected string? SkipReason { get; set; }

    public HostApi Api()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        return new HostApi(_client!, Name);
    }

    public async ValueTask InitializeAsync()
    {
        _factory = await CreateFactory();
        if (_factory is null)
        {
            return;
        }

        _client = _factory.CreateClient();
        await Eventually.True(async () => (await _client.GetAsync("/health/ready")).IsSuccessStatusCode, $"{Name} ready",
            TimeSpan.FromSeconds(60));
    }

    public virtual async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Null (with <see cref="SkipReason"/> set) when the engine is not available.</summary>
    protected abstract Task<ServiceAppFactory<Program>?> CreateFactory();
}

public sealed class SqliteHost : InProcessHost
{
    public override string Name => "in-process on SQLite";

    protected override Task<ServiceAppFactory<Program>?> CreateFactory() => Task.FromResult<ServiceAppFactory<Program>?>(new ServiceAppFactory<Program>());
}

public sealed class SqlServerHost : InProcessHost
{
    private MsSqlContainer? _container;

    public override string Name => "in-process on SQL Server (Testcontainers)";

    protected override async Task<ServiceAppFactory<Program>?> CreateFactory()
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig == null)
        {
            SkipReason = "SQL Server runs in a Testcontainers container, and no Docker engine is available on this machine.";
            return null;
        }

        _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
        await _container.StartAsync();
        var connectionString = new SqlConnectionStringBuilder(_container.GetConnectionString()) { InitialCatalog = "msgtest" }.ConnectionString;
        return new SqlServerFactory(connectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    private sealed class SqlServerFactory(string connectionString) : ServiceAppFactory<Program>
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:MessagingTest"] = connectionString,
        };
    }
}
