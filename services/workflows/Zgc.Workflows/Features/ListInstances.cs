using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>Operators watch the lifecycle instances (S-OPS), most recently changed first.</summary>
internal static class ListInstances
{
    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances", Handle).WithName("ListLifecycleInstances");

    private static async Task<Ok<List<InstanceSummary>>> Handle(WorkflowsDbContext db, string? state, CancellationToken cancellationToken)
    {
        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            query = query.Where(i => i.CurrentState == state);
        }

        var instances = await query.OrderByDescending(i => i.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(instances.Select(InstanceSummary.From).ToList());
    }
}
