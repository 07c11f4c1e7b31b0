using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Zgc.Messaging.Outbox;
using Zgc.SharedKernel;

namespace Zgc.Messaging.Faults;

/// <summary>A faulted message as operators see it; <see cref="Body"/> is the received body, cut at 8 KB.</summary>
public sealed record FaultView(Guid Id, Guid? MessageId, string Endpoint, string MessageType, string ExceptionType, string ExceptionMessage,
    DateTimeOffset FaultedAt, string Status, string? HandledBy, DateTimeOffset? HandledAt, bool CanRedeliver, string Body);

public static partial class FaultsEndpoints
{
    /// <summary>
    /// <c>GET {group}/faults[?status=]</c>, <c>POST {group}/faults/{id}/redeliver</c>, <c>POST {group}/faults/{id}/discard</c>:
    /// operators see what failed and why, and decide. Each decision records who and when on the row and in the log.
    /// </summary>
    public static RouteGroupBuilder MapFaults<TDb>(this IEndpointRouteBuilder group) where TDb : DbContext
    {
        var faults = group.MapGroup("/faults");
        faults.MapGet("", List<TDb>).WithName($"ListFaults-{typeof(TDb).Name}");
        faults.MapPost("/{id:guid}/redeliver", Redeliver<TDb>).WithName($"RedeliverFault-{typeof(TDb).Name}");
        faults.MapPost("/{id:guid}/discard", Discard<TDb>).WithName($"DiscardFault-{typeof(TDb).Name}");
        return faults;
    }

    private static async Task<Ok<List<FaultView>>> List<TDb>(TDb db, string? status, CancellationToken cancellationToken) where TDb : DbContext
    {
        var query = db.Set<FaultedMessage>().AsNoTracking();
        if (Enum.TryParse<FaultStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(f => f.Status == wanted);
        }

        var rows = await query.OrderByDescending(f => f.FaultedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(View).ToList());
    }

    private static async Task<Results<Ok<FaultView>, NotFound>> Redeliver<TDb>(Guid id, ClaimsPrincipal user, TDb db, TimeProvider clock,
        ILogger<FaultedMessage> logger, CancellationToken cancellationToken) where TDb : DbContext
    {
        var fault = await db.Set<FaultedMessage>().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fault is null)
        {
            return TypedResults.NotFound();
        }

        EnsurePending(fault);
        if (!CanRedeliver(fault))
        {
            throw new RuleViolationException("id", "fault-unreadable",
                "This message could not be read, so it cannot be re-delivered; discard it instead.", "该消息无法解析，不能重新投递，请丢弃。",
                RuleViolationException.ConflictStatus);
        }

        var now = clock.GetUtcNow();
        // Back to the endpoint's own queue, through the outbox: the copy leaves only if this decision commits.
        db.Add(new OutboxMessage
        {
            MessageId = fault.MessageId ?? NewId.NextGuid(),
            DueTime = now,
            CreatedAt = now,
            SentTime = now,
            DestinationAddress = $"queue:{fault.Endpoint}",
            ContentType = fault.ContentType ?? "application/vnd.masstransit+json",
            MessageType = fault.MessageType,
            Body = fault.Body,
        });
        Decide(fault, FaultStatus.Redelivered, user, now);
        await db.SaveChangesAsync(cancellationToken);
        LogDecision(logger, "re-delivered", fault.Id, fault.MessageId, fault.Endpoint, fault.HandledBy!);
        return TypedResults.Ok(View(fault));
    }

    private static async Task<Results<Ok<FaultView>, NotFound>> Discard<TDb>(Guid id, ClaimsPrincipal user, TDb db, TimeProvider clock,
        ILogger<FaultedMessage> logger, CancellationToken cancellationToken) where TDb : DbContext
    {
        var fault = await db.Set<FaultedMessage>().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fault is null)
        {
            return TypedResults.NotFound();
        }

        EnsurePending(fault);
        Decide(fault, FaultStatus.Discarded, user, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        LogDecision(logger, "discarded", fault.Id, fault.MessageId, fault.Endpoint, fault.HandledBy!);
        return TypedResults.Ok(View(fault));
    }

    private static void EnsurePending(FaultedMessage fault)
    {
        if (fault.Status != FaultStatus.Faulted)
        {
            throw new RuleViolationException("id", "fault-decided", $"This fault was already {fault.Status.ToString().ToLowerInvariant()}.",
                "该故障消息已处理。", RuleViolationException.ConflictStatus);
        }
    }

    private static void Decide(FaultedMessage fault, FaultStatus status, ClaimsPrincipal user, DateTimeOffset now)
    {
        fault.Status = status;
        fault.HandledBy = user.FindFirstValue("sub") ?? user.Identity?.Name ?? "unknown";
        fault.HandledAt = now;
    }

    private static bool CanRedeliver(FaultedMessage fault) => fault.MessageType.Length > 0;

    private static FaultView View(FaultedMessage f) => new(f.Id, f.MessageId, f.Endpoint, TimersEndpoint.ContractName(f.MessageType), f.ExceptionType,
        f.ExceptionMessage, f.FaultedAt, f.Status.ToString(), f.HandledBy, f.HandledAt, f.Status == FaultStatus.Faulted && CanRedeliver(f),
        f.Body.Length <= 8192 ? f.Body : f.Body[..8192]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Faulted message {FaultId} ({MessageId}) of endpoint {Endpoint} {Decision} by {User}")]
    private static partial void LogDecision(ILogger logger, string decision, Guid faultId, Guid? messageId, string endpoint, string user);
}
