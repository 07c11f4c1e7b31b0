using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// An instance's current state, every transition so far (event, from, to, time, message, actor), its pending timers, and
/// where its records live in the other services (relative API paths, for the console and for operators' tools).
/// </summary>
internal static class GetInstance
{
    // Compiled once per model: the simulated users and the console poll this page while they wait for a step (fix 40).
    private static readonly ModelCompiledQuery<WorkflowsDbContext, Guid, Lifecycle.PlatformLifecycle?> InstanceQuery =
        new((db, id, _) => db.Instances.AsNoTracking().SingleOrDefault(x => x.CorrelationId == id));

    private static readonly ModelCompiledListQuery<WorkflowsDbContext, Guid, TransitionView> TransitionsQuery =
        new((db, id) => db.Transitions.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.Id)
            .Select(t => new TransitionView(t.Event, t.FromState, t.ToState, t.At, t.MessageId, t.Actor, t.Reason)));

    // Saga timers carry the instance's id as their correlation id (OutboxScheduleMessageProvider).
    private static readonly ModelCompiledListQuery<WorkflowsDbContext, Guid, PendingTimer> TimersQuery =
        new((db, id) => db.OutboxMessages.AsNoTracking().Where(m => m.CorrelationId == id && m.DeliveredAt == null)
            .Select(m => new PendingTimer(m.MessageType, m.DueTime)));

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances/{id:guid}", Handle).WithName("GetLifecycleInstance");

    private static async Task<Results<Ok<InstanceDetail>, NotFound>> Handle(Guid id, WorkflowsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var i = await InstanceQuery.Run(db, id, cancellationToken);
        if (i is null)
        {
            return TypedResults.NotFound();
        }

        var transitions = await TransitionsQuery.Run(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        // An instance has a few undelivered rows at most, so the timers still ahead are picked here rather than by a second parameter.
        var timers = (await TimersQuery.Run(db, id, cancellationToken))
            .Where(m => m.DueTime > now)
            .OrderBy(m => m.DueTime)
            .Select(m => new InstanceTimerView(ShortType(m.MessageType), m.DueTime, m.DueTime - now)).ToList();
        return TypedResults.Ok(new InstanceDetail(i.CorrelationId, i.PlatformName, i.UnitUscc, i.UnitName, i.SubPark, i.IndustryField, i.CurrentState,
            i.PolicyVersion, i.EspeciallyMajor, i.NoticeId, i.NoticeEndsOn, i.OutcomeReason, i.CreatedAt, i.UpdatedAt, i.StateEnteredAt, i.WaitingAlert,
            i.WaitingAlertAt, transitions, LifecycleProgress.From(i), timers, Links(i)));
    }

    private static Dictionary<string, string> Links(Lifecycle.PlatformLifecycle i)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["application"] = $"/intake/applications/{i.CorrelationId}",
            ["applicationVersions"] = $"/intake/applications/{i.CorrelationId}/versions",
            ["reviewCase"] = $"/review/cases/{i.CorrelationId}",
            ["monitoring"] = $"/monitoring/platforms/{i.CorrelationId}",
        };
        if (i.NoticeId is { } notice)
        {
            links["notice"] = $"/notice/notices/{notice}";
            links["publicNotice"] = $"/notice/public/notices/{notice}";
        }

        if (i.AgreementId is { } agreement)
        {
            links["agreement"] = $"/funding/agreements/{agreement}";
        }

        return links;
    }

    private sealed record PendingTimer(string MessageType, DateTimeOffset DueTime);

    /// <summary>"urn:message:Zgc.Monitoring.Contracts:OpenAnnualReport;…" → "OpenAnnualReport".</summary>
    private static string ShortType(string messageType)
    {
        var first = messageType.Split(';')[0];
        return first[(first.LastIndexOf(':') + 1)..];
    }
}
