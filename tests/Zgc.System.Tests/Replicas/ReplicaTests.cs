using Zgc.Testing;

namespace Zgc.System.Tests.Replicas;

/// <summary>
/// Issue 12, part 4: two replicas of every service on one database and one broker each — the walk's requests alternate
/// between them and both compete for every queue and every outbox — and the whole three-year path still holds: each
/// message handled once, each timer fired once, each year paid once.
/// </summary>
public sealed class ReplicaTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ServiceCluster? _cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _cluster = await ServiceCluster.Start("zgc_replicas", replicas: 2, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    [Trait("Req", "S-SERVICES"), Trait("Req", "R-A13-NOTICE"), Trait("Req", "R-A10-Y1"), Trait("Req", "R-A10-Y23")]
    public async Task With_two_replicas_of_every_service_the_three_year_path_holds_and_nothing_happens_twice()
    {
        var host = new ClusterProgrammeHost(_cluster!, Ct);
        using var drive = new LifecycleDriver(host, Ct);

        // The walk itself asserts one payment per year in the ledger and the exact sequence of states.
        var completed = await HappyPathWalk.Walk(drive, IntakePayloads.DefaultUnit);

        ClusterChecks.EachMessageOnce(completed);
        Assert.Single(LifecycleDriver.Transitions(completed), t => t == ("InNotice", "Included"));
        var notice = await drive.Notice(completed.GetProperty("id").GetGuid());
        Assert.Equal("Passed", notice.GetProperty("status").GetString());
        foreach (var line in await ClusterChecks.NothingLostOrStuck(host, Ct))
        {
            output.WriteLine(line);
        }

        // Both copies of every service did their share of the walk's requests.
        foreach (var replica in _cluster!.Replicas)
        {
            output.WriteLine($"{replica} served {replica.Served} request(s)");
            Assert.True(replica.Served > 0, $"{replica} served no request");
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
