namespace Zgc.Messaging.Tests.Support;

/// <summary>Two TestHost processes on one PostgreSQL database and one RabbitMQ virtual host, shared by a test class.</summary>
public sealed class TwoReplicas : IAsyncLifetime
{
    private TestBed _bed = null!;

    public TestBed Bed => _bed;

    public HostApi First { get; private set; } = null!;

    public HostApi Second { get; private set; } = null!;

    public IReadOnlyList<HostApi> Both => [First, Second];

    public async ValueTask InitializeAsync()
    {
        _bed = await TestBed.Create();
        // MassTransit's RabbitMQ prefetch (= concurrent messages per endpoint) is min(2 × processors, 16): 4 on a
        // two-core machine. Claiming 8 processors gives each replica 16, so contended messages really race.
        var settings = new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "8" };
        // One after the other: the first creates the schema before the second looks for it.
        First = (await _bed.Start(settings)).Api;
        Second = (await _bed.Start(settings)).Api;
    }

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    /// <summary>Raw receives on an endpoint, summed over both replicas.</summary>
    public async Task<int> Received(string endpoint)
    {
        var stats = await Task.WhenAll(Both.Select(api => api.Stats()));
        return stats.Sum(s => s.Received(endpoint));
    }
}
