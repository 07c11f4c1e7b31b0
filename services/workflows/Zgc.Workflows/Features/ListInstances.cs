using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.SharedKernel;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// Operators watch the lifecycle instances (S-OPS), most recently changed first, filtered and paged. The total is in
/// the <c>X-Total-Count</c> header so the body stays a plain list; when more than
/// <see cref="WorkflowsOptions.ExactTotalUpTo"/> match, <c>X-Total-Count-Exceeds</c> carries that limit instead.
/// </summary>
internal static class ListInstances
{
    public const int MaxPageSize = 500;

    public const string TotalHeader = "X-Total-Count";

    public const string TotalExceedsHeader = "X-Total-Count-Exceeds";

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances", Handle).WithName("ListLifecycleInstances");

    private static async Task<Ok<List<InstanceSummary>>> Handle(WorkflowsDbContext db, TimeProvider clock, HttpResponse response,
        IOptions<WorkflowsOptions> options,
        string? state, string? field, string? subPark, int? constructionYear, int? waitingDays, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var size = pageSize ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            throw new RuleViolationException("pageSize", "paging", $"pageSize must be between 1 and {MaxPageSize}.", $"每页条数须在 1 至 {MaxPageSize} 之间。");
        }

        if (page is < 1)
        {
            throw new RuleViolationException("page", "paging", "page starts at 1.", "页码从 1 开始。");
        }

        if (waitingDays is < 0)
        {
            throw new RuleViolationException("waitingDays", "paging", "waitingDays cannot be negative.", "等待天数不能为负数。");
        }

        var query = db.Instances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(state))
        {
            query = query.Where(i => i.CurrentState == state);
        }

        if (!string.IsNullOrWhiteSpace(field))
        {
            query = query.Where(i => i.IndustryField == field);
        }

        if (!string.IsNullOrWhiteSpace(subPark))
        {
            query = query.Where(i => i.SubPark == subPark);
        }

        if (constructionYear is { } year)
        {
            query = query.Where(i => i.ConstructionYear == year);
        }

        if (waitingDays is { } days)
        {
            var enteredBefore = clock.GetUtcNow().AddDays(-days);
            query = query.Where(i => i.StateEnteredAt <= enteredBefore);
        }

        // Counting stops one past the limit: an exact 100,000 is not worth reading 100,000 index entries per page.
        var limit = Math.Max(0, options.Value.ExactTotalUpTo);
        var total = await query.Take(limit + 1).CountAsync(cancellationToken);
        if (total <= limit)
        {
            response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            response.Headers[TotalExceedsHeader] = limit.ToString(CultureInfo.InvariantCulture);
        }

        // The page's keys first, then only the page's rows: skipping to a deep page walks an index (the filter and the
        // order are in it) instead of reading every skipped instance from the table.
        var ids = await query.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.CorrelationId)
            .Skip(((page ?? 1) - 1) * size).Take(size).Select(i => i.CorrelationId).ToListAsync(cancellationToken);
        var rows = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.CorrelationId))
            .Select(InstanceSummary.Projection)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        return TypedResults.Ok(ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList());
    }
}
