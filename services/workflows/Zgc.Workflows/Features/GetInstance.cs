using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>An instance's current state and every transition so far (event, from, to, time).</summary>
internal static class GetInstance
{
    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances/{id:guid}", Handle).WithName("GetLifecycleInstance");

    private static async Task<Results<Ok<InstanceDetail>, NotFound>> Handle(Guid id, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var i = await db.Instances.AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id, cancellationToken);
        if (i is null)
        {
            return TypedResults.NotFound();
        }

        var transitions = await db.Transitions.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.Id)
            .Select(t => new TransitionView(t.Event, t.FromState, t.ToState, t.At, t.MessageId, t.Actor, t.Reason)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new InstanceDetail(i.CorrelationId, i.PlatformName, i.UnitUscc, i.UnitName, i.SubPark, i.IndustryField, i.CurrentState,
            i.PolicyVersion, i.EspeciallyMajor, i.NoticeId, i.NoticeEndsOn, i.OutcomeReason, i.CreatedAt, i.UpdatedAt, i.StateEnteredAt, i.WaitingAlert,
            i.WaitingAlertAt, transitions, LifecycleProgress.From(i)));
    }
}
