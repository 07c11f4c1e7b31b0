using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;

namespace Zgc.Workflows.Features;

/// <summary>A policy version with its figures, and whether new submissions fall under it today.</summary>
public sealed record PolicyView(string Version, string Title, DateOnly EffectiveFrom, bool InForceToday, int SupportRatioPercent,
    long StandardAnnualCeilingFen, long EspeciallyMajorAnnualCeilingFen, int ConstructionYears, int NoticeWorkingDays, int AnnualReportDueDays,
    string Source, int Instances);

/// <summary>
/// <c>GET /workflows/policies</c>: every policy version the deployment knows (the 2019 Trial Measures first, then those
/// configured under <c>Policy:Versions</c>), with how many lifecycle instances run under each.
/// </summary>
internal static class Policies
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/policies", List).WithName("ListPolicyVersions");

    private static async Task<Ok<List<PolicyView>>> List(PolicyCatalog policies, Persistence.WorkflowsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var inForce = policies.InForceOn(BeijingTime.Today(clock));
        var counts = await db.Instances.GroupBy(i => i.PolicyVersion).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return TypedResults.Ok(policies.All.Select(p => new PolicyView(p.Version, p.Title, p.EffectiveFrom, p == inForce, p.SupportRatioPercent,
            p.StandardAnnualCeiling.Fen, p.EspeciallyMajorAnnualCeiling.Fen, p.ConstructionYears, p.NoticeWorkingDays, p.AnnualReportDueDays, p.Source,
            counts.GetValueOrDefault(p.Version))).ToList());
    }
}
