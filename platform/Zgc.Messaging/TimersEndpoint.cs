using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.SharedKernel;

namespace Zgc.Messaging;

/// <summary>A pending timer as operators see it.</summary>
public sealed record PendingTimer(Guid TokenId, Guid MessageId, string MessageType, Guid? CorrelationId, DateTimeOffset DueTime, DateTimeOffset CreatedAt);

public static class TimersEndpoint
{
    /// <summary>The most timers one answer holds (and the default).</summary>
    public const int MaxLimit = 1000;

    /// <summary>The most correlation ids one request may ask for.</summary>
    public const int MaxCorrelationIds = 100;

    /// <summary>
    /// <c>GET {group}/timers?correlationId=&amp;limit=</c>: the service's pending timers (scheduled outbox rows not yet
    /// delivered), soonest first — all of them, or only those of the given correlation ids (repeatable: a platform page
    /// asks for its own, which a first page of every timer would not hold at the programme's size) — at most
    /// <c>limit</c> (1–1,000, default 1,000), and how many match in all in <c>X-Total-Count</c>.
    /// </summary>
    public static RouteHandlerBuilder MapTimers<TDb>(this IEndpointRouteBuilder group) where TDb : DbContext =>
        group.MapGet("/timers", ListTimers<TDb>).WithName($"ListTimers-{typeof(TDb).Name}");

    private static async Task<Ok<List<PendingTimer>>> ListTimers<TDb>(Guid[]? correlationId, int? limit, TDb db, HttpResponse response,
        CancellationToken cancellationToken) where TDb : DbContext
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new RuleViolationException("limit", "paging", $"limit must be between 1 and {MaxLimit}.", $"limit 须在 1 至 {MaxLimit} 之间。");
        }

        if (correlationId is { Length: > MaxCorrelationIds })
        {
            throw new RuleViolationException("correlationId", "paging", $"Ask for at most {MaxCorrelationIds} correlation ids at once.",
                $"一次最多查询 {MaxCorrelationIds} 个关联标识。");
        }

        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(x => x.ScheduleTokenId != null && x.DeliveredAt == null);
        if (correlationId is { Length: > 0 })
        {
            var ids = correlationId.Select(id => (Guid?)id).Distinct().ToList();
            pending = pending.Where(x => ids.Contains(x.CorrelationId));
        }

        response.Headers["X-Total-Count"] = (await pending.CountAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture);
        var rows = await pending.OrderBy(x => x.DueTime).ThenBy(x => x.SequenceNumber).Take(limit ?? MaxLimit).ToListAsync(cancellationToken);
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
