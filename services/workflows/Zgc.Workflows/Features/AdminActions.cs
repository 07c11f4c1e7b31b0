using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;
using Zgc.Workflows.Contracts;
using Zgc.Workflows.Lifecycle;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// Administrators correct what messages cannot: cancel an instance, or move it to another state after a data error.
/// Each step needs a reason, is written to the instance's history with who took it, and is announced like any other
/// transition. The instance's version token guards against a message changing it at the same moment (409).
/// </summary>
internal static class AdminActions
{
    public sealed record CancelRequest(string? Reason);

    public sealed record MoveRequest(string? State, string? Reason);

    public static void Map(IEndpointRouteBuilder group)
    {
        var admin = group.MapGroup("/instances/{id:guid}").RequireRoles(Roles.Admin);
        admin.MapPost("/cancel", Cancel).WithName("CancelLifecycleInstance");
        admin.MapPost("/move", Move).WithName("MoveLifecycleInstance");
    }

    private static async Task<Results<Ok<InstanceSummary>, NotFound>> Cancel(Guid id, CancelRequest request, WorkflowsDbContext db,
        IOutbox<WorkflowsDbContext> outbox, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reason = RequireReason(request.Reason);
        var instance = await db.Instances.SingleOrDefaultAsync(i => i.CorrelationId == id, cancellationToken);
        if (instance is null)
        {
            return TypedResults.NotFound();
        }

        if (PlatformLifecycleStateMachine.IsFinal(instance.CurrentState))
        {
            throw new RuleViolationException("state", "S-OPS", $"The instance has already ended ({instance.CurrentState}).",
                $"该流程已结束（{instance.CurrentState}），不能取消。", StatusCodes.Status409Conflict);
        }

        await Change(instance, "Cancelled", "AdminCancel", reason, db, outbox, clock, user, cancellationToken);
        return TypedResults.Ok(InstanceSummary.From(instance));
    }

    private static async Task<Results<Ok<InstanceSummary>, NotFound>> Move(Guid id, MoveRequest request, PlatformLifecycleStateMachine machine,
        WorkflowsDbContext db, IOutbox<WorkflowsDbContext> outbox, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reason = RequireReason(request.Reason);
        var states = machine.States.Select(s => s.Name).Where(s => s is not "Initial" and not "Final").ToList();
        if (string.IsNullOrWhiteSpace(request.State) || !states.Contains(request.State))
        {
            throw new RuleViolationException("state", "S-OPS", $"state must be one of the lifecycle's states: {string.Join(", ", states)}.",
                $"目标状态须为流程中的状态之一：{string.Join("、", states)}。");
        }

        var instance = await db.Instances.SingleOrDefaultAsync(i => i.CorrelationId == id, cancellationToken);
        if (instance is null)
        {
            return TypedResults.NotFound();
        }

        if (instance.CurrentState == request.State)
        {
            throw new RuleViolationException("state", "S-OPS", $"The instance is already in {request.State}.", $"该流程已处于 {request.State}。",
                StatusCodes.Status409Conflict);
        }

        await Change(instance, request.State, "AdminMove", reason, db, outbox, clock, user, cancellationToken);
        return TypedResults.Ok(InstanceSummary.From(instance));
    }

    private static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5
            ? throw new RuleViolationException("reason", "S-OPS", "An administrative step needs a reason of at least 5 characters.",
                "管理操作须填写不少于5个字的理由。")
            : reason.Length > 2000
                ? throw new RuleViolationException("reason", "S-OPS", "reason is at most 2000 characters.", "理由不超过2000字。")
                : reason.Trim();

    private static async Task Change(PlatformLifecycle instance, string to, string step, string reason, WorkflowsDbContext db,
        IOutbox<WorkflowsDbContext> outbox, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = instance.CurrentState;
        // The waiting-limit timer belongs to the state being left; the new state starts without one.
        if (instance.WaitingLimitToken is { } token)
        {
            await outbox.Cancel(token, cancellationToken);
            instance.WaitingLimitToken = null;
        }

        instance.CurrentState = to;
        instance.Version++;
        instance.UpdatedAt = now;
        instance.StateEnteredAt = now;
        instance.WaitingAlert = null;
        instance.WaitingAlertAt = null;
        if (to == "Cancelled")
        {
            instance.OutcomeReason = "Cancelled by an administrator: " + reason;
        }

        db.Transitions.Add(new LifecycleTransition
        {
            InstanceId = instance.CorrelationId,
            Event = step,
            FromState = from,
            ToState = to,
            At = now,
            Actor = user.UserId(),
            Reason = reason,
        });
        await outbox.Publish(new LifecycleStateChanged(instance.CorrelationId, step, from, to, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
