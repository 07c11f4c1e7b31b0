using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Zgc.SharedKernel;

namespace Zgc.Audit;

/// <summary>An entry as operators see it: every stored field, hashes included, so a copy can be verified elsewhere.</summary>
public sealed record AuditEntryView(long Sequence, DateTimeOffset OccurredAt, string Kind, string? UserId, string? UserName, IReadOnlyList<string> Roles,
    string Action, string? Method, string? Route, string? EndpointName, string? Path, string Target, int? StatusCode, string? RequestId, string? TraceId,
    string? Detail, string PreviousHash, string Hash)
{
    internal static AuditEntryView From(AuditEntry e) => new(e.Sequence, e.OccurredAt, e.Kind, e.UserId, e.UserName,
        e.Roles.Length == 0 ? [] : e.Roles.Split(','), e.Action, e.Method, e.Route, e.EndpointName, e.Path, e.Target, e.StatusCode, e.RequestId,
        e.TraceId, e.Detail, e.PreviousHash, e.Hash);
}

internal static class AuditEndpoints
{
    public const int MaxPageSize = 500;

    public static void Map(RouteGroupBuilder audit, AuditLog log)
    {
        audit.MapGet("", (HttpResponse response, CancellationToken cancellationToken, string? user, string? target, string? action,
                DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize) =>
                Search(log, response, new AuditQuery(user, target, action, from, to, page ?? 1, pageSize ?? 50), cancellationToken))
            .WithName($"SearchAudit-{log.Service}");
        audit.MapGet("/verify", async Task<Ok<AuditVerification>> (CancellationToken cancellationToken) =>
                TypedResults.Ok(await log.VerifyAsync(cancellationToken)))
            .WithName($"VerifyAudit-{log.Service}");
    }

    /// <summary>
    /// Newest first. <c>user</c> matches the user id or name exactly; <c>target</c> and <c>action</c> are substrings of the
    /// target, and of the action, route, endpoint name or path; <c>from</c> is inclusive, <c>to</c> exclusive. The total is in
    /// <c>X-Total-Count</c>.
    /// </summary>
    private static async Task<Ok<List<AuditEntryView>>> Search(AuditLog log, HttpResponse response, AuditQuery q, CancellationToken cancellationToken)
    {
        q.Validate();
        await using var db = log.Store.Open();
        var query = db.Entries.AsNoTracking().Where(e => e.Service == log.Service);
        if (!string.IsNullOrWhiteSpace(q.User))
        {
            var user = q.User.Trim();
            query = query.Where(e => e.UserId == user || e.UserName == user);
        }

        if (!string.IsNullOrWhiteSpace(q.Target))
        {
            var target = q.Target.Trim();
            query = query.Where(e => e.Target.Contains(target));
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim();
            query = query.Where(e => e.Action.Contains(action) || (e.Route != null && e.Route.Contains(action))
                || (e.EndpointName != null && e.EndpointName.Contains(action)) || (e.Path != null && e.Path.Contains(action)));
        }

        if (q.From is { } from)
        {
            var start = from.ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (q.To is { } to)
        {
            var end = to.ToUniversalTime();
            query = query.Where(e => e.OccurredAt < end);
        }

        var total = await query.LongCountAsync(cancellationToken);
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var entries = await query.OrderByDescending(e => e.Sequence).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(AuditEntryView.From).ToList());
    }

    private sealed record AuditQuery(string? User, string? Target, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize)
    {
        public void Validate()
        {
            if (Page < 1)
            {
                throw new RuleViolationException("page", "paging", "page starts at 1.", "页码从 1 开始。");
            }

            if (PageSize is < 1 or > MaxPageSize)
            {
                throw new RuleViolationException("pageSize", "paging", $"pageSize must be between 1 and {MaxPageSize}.", $"每页条数须在 1 至 {MaxPageSize} 之间。");
            }

            if (From is { } from && To is { } to && to < from)
            {
                throw new RuleViolationException("to", "audit-period", "to must not be before from.", "结束时间不能早于开始时间。");
            }
        }
    }
}
