using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Monitoring.Contracts;
using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Management;
using Zgc.Monitoring.Features.Dashboards;
using Zgc.Monitoring.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Monitoring.Features.Management;

public sealed record RectificationView(Guid Id, Guid ApplicationId, string Requirements, DateOnly Deadline, RectificationStatus Status, string OrderedBy,
    DateTimeOffset OrderedAt, DateTimeOffset? OverdueAt, string? CompletionNote, DateTimeOffset? CompletedAt, string? PlatformName = null)
{
    public static RectificationView From(RectificationOrder o, string? platformName = null) =>
        new(o.Id, o.ApplicationId, o.Requirements, o.Deadline, o.Status, o.OrderedBy, o.OrderedAt, o.OverdueAt, o.CompletionNote, o.CompletedAt, platformName);
}

/// <summary>
/// Dynamic management (R-A14-EVAL): warnings, rectification orders with a deadline (a durable timer marks them
/// overdue) and exit (<see cref="PlatformExited"/>); each is kept in the platform's history.
/// </summary>
internal static class DynamicManagementEndpoints
{
    public sealed record WarningRequest(string? Reason);

    public sealed record RectificationRequest(string? Requirements, DateOnly Deadline);

    public sealed record CompletionRequest(string? Note);

    public sealed record ExitRequest(string? Reason, string? DecisionReference);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/platforms/{applicationId:guid}/warnings", Warn).RequireRoles(Roles.MonitoringOfficer).WithName("WarnPlatform");
        group.MapGet("/platforms/{applicationId:guid}/rectifications", ListRectifications).RequireRoles([.. Roles.Operators, Roles.Applicant])
            .WithName("ListRectifications");
        group.MapGet("/rectifications", ListAllRectifications).RequireRoles([.. Roles.Operators]).WithName("ListAllRectifications");
        group.MapPost("/platforms/{applicationId:guid}/rectifications", Order).RequireRoles(Roles.MonitoringOfficer).WithName("OrderRectification");
        group.MapPost("/rectifications/{id:guid}/complete", Complete).RequireRoles(Roles.MonitoringOfficer).WithName("CompleteRectification");
        group.MapPost("/platforms/{applicationId:guid}/exit", Exit).RequireRoles(Roles.MonitoringOfficer).WithName("ExitPlatform");
    }

    private static async Task<IResult> Warn(Guid applicationId, WarningRequest request, ClaimsPrincipal user, MonitoringDbContext db,
        IOutbox<MonitoringDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null)
        {
            return Access.NotFound("platform");
        }

        platform.EnsureActive();
        var reason = Rules.Text(request.Reason, "reason", MonitoredPlatform.ManagementRule, 4000, "警示原因");
        var now = clock.GetUtcNow();
        var entry = PlatformEvent.Of(applicationId, PlatformEventKind.Warning, reason, user.UserId(), now);
        db.History.Add(entry);
        await outbox.Publish(new PlatformWarned(applicationId, reason, user.UserId(), now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/monitoring/platforms/{applicationId}/history", PlatformEventView.From(entry));
    }

    private static async Task<IResult> ListRectifications(Guid applicationId, ClaimsPrincipal user, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null || !Access.MaySee(user, platform))
        {
            return Access.NotFound("platform");
        }

        var orders = await db.Rectifications.AsNoTracking().Where(o => o.ApplicationId == applicationId).OrderBy(o => o.OrderedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(orders.Select(o => RectificationView.From(o)).ToList());
    }

    /// <summary>
    /// Every platform's orders for the operators' inbox in one query, each with its platform's name, earliest deadline
    /// first: the inbox had asked platform by platform (a request each, and none past the two-hundredth platform).
    /// </summary>
    private static async Task<IResult> ListAllRectifications(RectificationStatus? status, MonitoringDbContext db, CancellationToken cancellationToken)
    {
        var orders = db.Rectifications.AsNoTracking();
        if (status is { } only)
        {
            orders = orders.Where(o => o.Status == only);
        }

        var rows = await orders
            .Join(db.Platforms.AsNoTracking(), o => o.ApplicationId, p => p.ApplicationId, (o, p) => new { Order = o, p.PlatformName })
            .OrderBy(r => r.Order.Deadline).ThenBy(r => r.Order.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => RectificationView.From(r.Order, r.PlatformName)).ToList());
    }

    private static async Task<IResult> Order(Guid applicationId, RectificationRequest request, ClaimsPrincipal user, MonitoringDbContext db,
        IOutbox<MonitoringDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null)
        {
            return Access.NotFound("platform");
        }

        platform.EnsureActive();
        var now = clock.GetUtcNow();
        var order = RectificationOrder.Order(applicationId, request.Requirements, request.Deadline, user.UserId(), now);
        db.Rectifications.Add(order);
        db.History.Add(PlatformEvent.Of(applicationId, PlatformEventKind.RectificationOrdered,
            $"Rectification ordered by {order.Deadline:yyyy-MM-dd}: {order.Requirements}", user.UserId(), now, order.Id));
        await outbox.SchedulePublish(order.DueAt, new RectificationDue(order.Id, order.Deadline), RectificationTimer.Due(order.Id), cancellationToken);
        await outbox.Publish(new RectificationOrdered(applicationId, order.Id, order.Requirements, order.Deadline, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/monitoring/platforms/{applicationId}/rectifications", RectificationView.From(order));
    }

    private static async Task<IResult> Complete(Guid id, CompletionRequest request, ClaimsPrincipal user, MonitoringDbContext db,
        IOutbox<MonitoringDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await db.Rectifications.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return Access.NotFound("rectification order");
        }

        var now = clock.GetUtcNow();
        var late = order.Status == RectificationStatus.Overdue;
        order.Complete(request.Note, user.UserId(), now);
        db.History.Add(PlatformEvent.Of(order.ApplicationId, PlatformEventKind.RectificationCompleted,
            $"Rectification completed{(late ? " after the deadline" : "")}: {order.CompletionNote}", user.UserId(), now, order.Id));
        // A completed order is never overdue: its deadline timer is cancelled with the completion.
        await outbox.Cancel(RectificationTimer.Due(order.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RectificationView.From(order));
    }

    private static async Task<IResult> Exit(Guid applicationId, ExitRequest request, ClaimsPrincipal user, MonitoringDbContext db,
        IOutbox<MonitoringDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.SingleOrDefaultAsync(p => p.ApplicationId == applicationId, cancellationToken);
        if (platform is null)
        {
            return Access.NotFound("platform");
        }

        var reason = Rules.Text(request.Reason, "reason", MonitoredPlatform.ManagementRule, 4000, "退出原因");
        var reference = Rules.Text(request.DecisionReference, "decisionReference", MonitoredPlatform.ManagementRule, 200, "决定文号");
        var now = clock.GetUtcNow();
        platform.Exit(now);
        db.History.Add(PlatformEvent.Of(applicationId, PlatformEventKind.Exited, reason, user.UserId(), now, reference: reference));
        await outbox.Publish(new PlatformExited(applicationId, reason, reference, user.UserId(), now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PlatformView.From(platform));
    }
}
