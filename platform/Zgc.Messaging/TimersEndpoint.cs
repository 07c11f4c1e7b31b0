using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;

namespace Zgc.Messaging;

/// <summary>A pending timer as operators see it.</summary>
public sealed record PendingTimer(Guid TokenId, Guid MessageId, string MessageType, Guid? CorrelationId, DateTimeOffset DueTime, DateTimeOffset CreatedAt);

public static class TimersEndpoint
{
    /// <summary><c>GET {group}/timers</c>: the service's pending timers (scheduled outbox rows not yet delivered), soonest first.</summary>
    public static RouteHandlerBuilder MapTimers<TDb>(this IEndpointRouteBuilder group) where TDb : DbContext =>
        group.MapGet("/timers", ListTimers<TDb>).WithName($"ListTimers-{typeof(TDb).Name}");

    private static async Task<Ok<List<PendingTimer>>> ListTimers<TDb>(TDb db, CancellationToken cancellationToken) where TDb : DbContext
    {
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(x => x.ScheduleTokenId != null && x.DeliveredAt == null)
            .OrderBy(x => x.DueTime).ThenBy(x => x.SequenceNumber).Take(1000)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new PendingTimer(r.ScheduleTokenId!.Value, r.MessageId, ContractName(r.MessageType),
            r.CorrelationId, r.DueTime, r.CreatedAt)).ToList());
    }

    /// <summary>"urn:message:Zgc.Notice.Contracts:CloseNotice;…" → "Zgc.Notice.Contracts.CloseNotice".</summary>
    internal static string ContractName(string messageTypes)
    {
        var first = messageTypes.Split(';')[0];
        const string prefix = "urn:message:";
        return first.StartsWith(prefix, StringComparison.Ordinal) ? first[prefix.Length..].Replace(':', '.') : first;
    }
}
