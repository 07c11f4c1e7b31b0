using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// An instance's current state, every transition so far (event, from, to, time, message, actor), its pending timers, and
/// where its records live in the other services (relative API paths, for the console and for operators' tools).
/// </summary>
internal static class GetInstance
{
    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances/{id:guid}", Handle).WithName("GetLifecycleInstance");

    private static async Task<Results<Ok<InstanceDetail>, NotFound>> Handle(Guid id, WorkflowsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var i = await db.Instances.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id, cancellationToken);
        if (i is null)
        {
            return TypedResults.NotFound();
        }

        var transitions = await db.Transitions.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.Id)
            .Select(t => new TransitionView(t.Event, t.FromState, t.ToState, t.At, t.MessageId, t.Actor, t.Reason)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Saga timers carry the instance's id as their correlation id (OutboxScheduleMessageProvider).
        var timers = (await db.OutboxMessages.AsNoTracking().Where(m => m.CorrelationId == id && m.DeliveredAt == null && m.DueTime > now)
                .Select(m => new { m.MessageType, m.DueTime }).ToListAsync(cancellationToken))
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

    /// <summary>"urn:message:Zgc.Monitoring.Contracts:OpenAnnualReport;…" → "OpenAnnualReport".</summary>
    private static string ShortType(string messageType)
    {
        var first = messageType.Split(';')[0];
        return first[(first.LastIndexOf(':') + 1)..];
    }
}
