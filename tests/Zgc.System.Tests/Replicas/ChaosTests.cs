using Zgc.Testing;

namespace Zgc.System.Tests.Replicas;

/// <summary>
/// Issue 12, part 5: while applications move through the programme on the simulated clock, a replica of some service is
/// killed (SIGKILL) every few seconds and started again, RabbitMQ is restarted once and PostgreSQL once. At the end every
/// application reached the state it was driven to, no platform-year was paid twice, no notice or timer was lost, and no
/// message waits in a fault queue. Loopback only; bounded by the test's own timeouts. It prints what it did and found.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Applications = 3;
    private const int Seed = 20261126;

    private ServiceCluster? _cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _cluster = await ServiceCluster.Start("zgc_chaos", replicas: 2, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    [Trait("Req", "S-SERVICES"), Trait("Req", "R-A13-NOTICE"), Trait("Req", "R-A10-Y1")]
    public async Task Processes_the_broker_and_the_database_die_under_load_and_nothing_is_lost_or_done_twice()
    {
        var cluster = _cluster!;
        var host = new ClusterProgrammeHost(cluster, Ct);
        // Effects may wait for a restarted process, a broker reconnecting or a retried message.
        using var patience = Eventually.Patience(TimeSpan.FromMinutes(3));
        var monkey = new ChaosMonkey(cluster, Seed, output.WriteLine);
        var units = Enumerable.Range(0, Applications).Select(i => IntakePayloads.EnterpriseUscc(4200 + i)).ToList();
        var drivers = units.Select(_ => new LifecycleDriver(host, Ct)).ToList();
        try
        {
            monkey.Log($"{Applications} applications, {cluster.Replicas.Count} processes, seed {Seed}");
            monkey.Start();

            // Submitted, recommended, scored, approved: each in its notice period.
            await drivers[0].ReferenceFigures(2026, 2030);
            var ids = await Task.WhenAll(units.Select((unit, i) => drivers[i].ToInNotice(unit)));
            monkey.Log($"all {Applications} applications in their notice period");

            await cluster.Outage(async () =>
            {
                monkey.Log("RabbitMQ: stop");
                await LocalInfrastructure.StopRabbitMq();
                await Task.Delay(TimeSpan.FromSeconds(3), Ct);
                await LocalInfrastructure.StartRabbitMq();
                monkey.Log("RabbitMQ: started again");
            }, Ct);

            // The notice periods close by their timers; the agreements are signed.
            var notices = await Task.WhenAll(ids.Select((id, i) => drivers[i].Notice(id)));
            await drivers[0].AdvanceTo(notices.Max(n => n.GetProperty("closesAt").GetDateTimeOffset()).AddHours(9));
            await Task.WhenAll(ids.Select((id, i) => drivers[i].WaitForState(id, "Included")));
            monkey.Log("every notice closed by its timer: all included");
            var agreements = await Task.WhenAll(ids.Select((id, i) => drivers[i].SignAgreement(id, units[i])));
            await Task.WhenAll(ids.Select((id, i) => drivers[i].WaitForState(id, "UnderConstruction")));

            await cluster.Outage(async () =>
            {
                monkey.Log("PostgreSQL: stop");
                await LocalInfrastructure.StopPostgres();
                await Task.Delay(TimeSpan.FromSeconds(3), Ct);
                await LocalInfrastructure.StartPostgres();
                monkey.Log("PostgreSQL: started again");
            }, Ct);

            // One disbursement run pays every platform's year 1 (maker-checker).
            var paid = await drivers[0].DisbursementRun();
            monkey.Log($"disbursement run paid {paid.Count} line(s)");
            await monkey.Stop();
            monkey.Log($"chaos over: {monkey.Kills} process kill(s), one RabbitMQ restart, one PostgreSQL restart");

            for (var i = 0; i < Applications; i++)
            {
                var instance = await drivers[i].WaitForProgress(ids[i], p => p.GetProperty("paidFen").GetInt64() > 0, $"the year-1 payment of {ids[i]}");
                Assert.Equal("UnderConstruction", instance.GetProperty("currentState").GetString());
                Assert.Equal(1, instance.GetProperty("progress").GetProperty("constructionYear").GetInt32());
                ClusterChecks.EachMessageOnce(instance);

                var ledger = await drivers[i].Ledger(ids[i]);
                var payments = ledger.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Payment").ToList();
                Assert.Single(payments);
                Assert.Equal(1, payments[0].GetProperty("constructionYear").GetInt32());
                Assert.Equal(payments[0].GetProperty("amountFen").GetInt64(), instance.GetProperty("progress").GetProperty("paidFen").GetInt64());
                Assert.Equal("Paid", (await drivers[i].FundingYear(agreements[i], 1))!.Value.GetProperty("status").GetString());

                var notice = await drivers[i].Notice(ids[i]);
                Assert.Equal("Passed", notice.GetProperty("status").GetString());
                monkey.Log($"application {i + 1}: UnderConstruction, year 1 paid once ({payments[0].GetProperty("amountFen").GetInt64() / 100m:N2} CNY), notice Passed");
            }

            foreach (var line in await ClusterChecks.NothingLostOrStuck(host, Ct))
            {
                monkey.Log(line);
            }

            Assert.True(monkey.Kills > 0, "the monkey killed at least one process");
            monkey.Log("restarts per replica: " + string.Join(", ", cluster.Replicas.Where(r => r.Restarts > 0).Select(r => $"{r} ×{r.Restarts}")));
        }
        finally
        {
            await StopQuietly(monkey);
            // Never leave the shared infrastructure down for the tests that follow.
            await LocalInfrastructure.StartRabbitMq();
            await LocalInfrastructure.StartPostgres();
            drivers.ForEach(d => d.Dispose());
        }
    }

    private static async Task StopQuietly(ChaosMonkey monkey)
    {
        try
        {
            await monkey.Stop();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
