using System.Net.Http.Headers;
using Zgc.Testing;

namespace Zgc.System.Tests.Replicas;

/// <summary>
/// The programme as the end-to-end driver sees it, on a <see cref="ServiceCluster"/>: each request goes to the next live
/// replica of its service (so both replicas serve the walk) and holds the cluster's gate while it is answered.
/// </summary>
internal sealed class ClusterProgrammeHost(ServiceCluster cluster, CancellationToken cancellationToken) : IProgrammeHost
{
    public HttpClient Client(string service, string? role, string? unit = null, string? subPark = null, string? user = null)
    {
        var client = new HttpClient(new ConcurrentChangeRetry(new RoutingHandler(cluster, service))) { BaseAddress = new Uri("http://" + service + ".cluster/") };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StandaloneTokens.For(role, unit, subPark, user));
        }

        return client;
    }

    public Task<DateTimeOffset> Now() => cluster.Now();

    public Task Advance(TimeSpan by) => cluster.Advance(by, cancellationToken);

    private sealed class RoutingHandler(ServiceCluster cluster, string service) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using (await cluster.Gate.Shared(cancellationToken))
            {
                var address = await cluster.Address(service, cancellationToken);
                request.RequestUri = new Uri(address, request.RequestUri!.PathAndQuery);
                var response = await base.SendAsync(request, cancellationToken);
                // Read the whole answer while the gate is held: a kill must not cut a response the test is reading.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
        }
    }
}
