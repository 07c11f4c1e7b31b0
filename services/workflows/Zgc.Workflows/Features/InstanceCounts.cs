using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>How many instances are in each state: the operators' overview (S-OPS).</summary>
internal static class InstanceCounts
{
    public sealed record StateCount(string State, int Count);

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/counts", Handle).WithName("CountLifecycleInstancesByState");

    private static async Task<Ok<List<StateCount>>> Handle(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Instances.AsNoTracking().GroupBy(i => i.CurrentState)
            .Select(g => new StateCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        return TypedResults.Ok(counts.OrderBy(c => c.State, StringComparer.Ordinal).ToList());
    }
}
