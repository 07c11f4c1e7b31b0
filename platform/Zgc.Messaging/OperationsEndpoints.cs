using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Faults;
using Zgc.Messaging.Outbox;

namespace Zgc.Messaging;

public static class OperationsEndpoints
{
    /// <summary>
    /// What operators need of a service's messaging, under the service's own prefix: <c>/timers</c>, <c>/faults</c>
    /// (re-deliver, discard) and <c>/outbox</c> (backlog). The caller applies the authorization.
    /// </summary>
    public static RouteGroupBuilder MapMessagingOperations<TDb>(this IEndpointRouteBuilder group, string service) where TDb : DbContext
    {
        var operations = group.MapGroup("");
        operations.MapTimers<TDb>();
        operations.MapFaults<TDb>();
        operations.MapGet("/outbox", async Task<Ok<OutboxBacklogSnapshot>> (TDb db, TimeProvider clock, CancellationToken cancellationToken) =>
            TypedResults.Ok(await OutboxBacklog.Measure(db, service, clock.GetUtcNow(), cancellationToken))).WithName($"OutboxBacklog-{service}");
        return operations;
    }
}
