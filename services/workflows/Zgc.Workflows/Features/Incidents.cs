using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Faults;
using Zgc.ServiceDefaults.Limits;
using Zgc.SharedKernel;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// Everything that needs an operator, in one place (S-OPS): each service's faulted messages (asked over HTTP with the
/// operator's own token, so each service still decides what its caller may see) and the instances that stopped moving.
/// Re-delivery and discarding are forwarded to the owning service, which records who decided.
/// </summary>
internal static class Incidents
{
    public static readonly string[] Services = ["intake", "review", "notice", "funding", "monitoring", "workflows"];

    private static readonly TimeSpan ServiceTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest-waiting stalled instances shown; the rest are in the list filtered by state and waiting days.</summary>
    private const int StalledShown = 500;

    public sealed record ServiceFaults(string Service, string Address, bool Reachable, string? Error, IReadOnlyList<FaultView> Faults);

    public sealed record IncidentsView(IReadOnlyList<ServiceFaults> Services, IReadOnlyList<InstanceSummary> Stalled, TimeSpan StalledAfter);

    public static void Map(IEndpointRouteBuilder group)
    {
        // Both ask the other services, which in the standalone host are this process: they must not hold a turn of the
        // in-flight limit while waiting for one.
        group.MapGet("/incidents", List).WithName("ListIncidents").ExemptFromInFlightLimit();
        group.MapPost("/incidents/{service}/faults/{id:guid}/{action}", Decide).WithName("DecideIncident").ExemptFromInFlightLimit();
    }

    private static async Task<Ok<IncidentsView>> List(HttpContext http, WorkflowsDbContext db, IHttpClientFactory clients,
        IOptions<WorkflowsOptions> options, TimeProvider clock, PlatformLifecycleStateMachine machine, CancellationToken cancellationToken)
    {
        var faults = await Task.WhenAll(Services.Select(service => FaultsOf(service, http, clients, options.Value, cancellationToken)));

        // Only the active states, chosen in the query: the longest-waiting instances are mostly finished ones (years of
        // completed and rejected platforms), and filtering them out after taking 500 left the stalled list empty at scale.
        var active = machine.States.Select(s => s.Name)
            .Where(s => s != machine.Initial.Name && s != machine.Final.Name && !PlatformLifecycleStateMachine.IsFinal(s)).ToList();
        var stalledBefore = clock.GetUtcNow() - options.Value.StalledAfter;
        // One ordered slice per state, merged: each slice walks the (state, entered) index and stops at the limit, where
        // "state IN (…) ORDER BY entered" read and sorted every active instance (140 ms at 100,000; fix 12).
        var stalled = await active.Select(state => db.Instances.AsNoTracking()
                .Where(i => i.CurrentState == state && i.StateEnteredAt <= stalledBefore).OrderBy(i => i.StateEnteredAt).Take(StalledShown))
            .Aggregate(Queryable.Concat)
            .OrderBy(i => i.StateEnteredAt).Take(StalledShown)
            .Select(InstanceSummary.Projection)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new IncidentsView(faults, stalled, options.Value.StalledAfter));
    }

    private static async Task<IResult> Decide(string service, Guid id, string action, HttpContext http, IHttpClientFactory clients,
        IOptions<WorkflowsOptions> options, CancellationToken cancellationToken)
    {
        if (!Services.Contains(service, StringComparer.Ordinal))
        {
            throw new RuleViolationException("service", "S-OPS", $"service must be one of {string.Join(", ", Services)}.",
                $"服务须为 {string.Join("、", Services)} 之一。");
        }

        if (action is not ("redeliver" or "discard"))
        {
            throw new RuleViolationException("action", "S-OPS", "action must be redeliver or discard.", "操作须为 redeliver（重新投递）或 discard（丢弃）。");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(AddressOf(service, http, options.Value), $"{service}/faults/{id}/{action}"));
        using var client = Client(http, clients);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
    }

    private static async Task<ServiceFaults> FaultsOf(string service, HttpContext http, IHttpClientFactory clients, WorkflowsOptions options,
        CancellationToken cancellationToken)
    {
        var address = AddressOf(service, http, options);
        try
        {
            using var client = Client(http, clients);
            var faults = await client.GetFromJsonAsync<List<FaultView>>(new Uri(address, $"{service}/faults?status=Faulted"), cancellationToken);
            return new ServiceFaults(service, address.ToString(), true, null, faults ?? []);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return new ServiceFaults(service, address.ToString(), false, ex.GetType().Name + ": " + ex.Message, []);
        }
    }

    private static HttpClient Client(HttpContext http, IHttpClientFactory clients)
    {
        var client = clients.CreateClient(nameof(Incidents));
        client.Timeout = ServiceTimeout;
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.ToString(), out var authorization))
        {
            client.DefaultRequestHeaders.Authorization = authorization;
        }

        return client;
    }

    private static Uri AddressOf(string service, HttpContext http, WorkflowsOptions options) =>
        options.ServiceAddresses.TryGetValue(service, out var configured)
            ? EndWithSlash(configured)
            : new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    private static Uri EndWithSlash(Uri address) => address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
