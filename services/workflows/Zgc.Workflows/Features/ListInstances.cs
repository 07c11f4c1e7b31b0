using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.SharedKernel;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Features;

/// <summary>
/// Operators watch the lifecycle instances (S-OPS), most recently changed first, filtered and paged. The total is in
/// the <c>X-Total-Count</c> header so the body stays a plain list; when more than
/// <see cref="WorkflowsOptions.ExactTotalUpTo"/> match, <c>X-Total-Count-Exceeds</c> carries that limit instead. A page
/// is asked for by number (<c>page</c>) or as the one behind another page's last row (<c>after</c>, an
/// <see cref="InstanceCursor"/>); when more rows follow, the answer says where: <c>X-Next-Cursor</c> and a
/// <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288) to the next page with the same filters.
/// </summary>
internal static class ListInstances
{
    public const int MaxPageSize = 500;

    public const string TotalHeader = "X-Total-Count";

    public const string TotalExceedsHeader = "X-Total-Count-Exceeds";

    public const string NextCursorHeader = "X-Next-Cursor";

    public static void Map(IEndpointRouteBuilder group) => group.MapGet("/instances", Handle).WithName("ListLifecycleInstances");

    private static async Task<Ok<List<InstanceSummary>>> Handle(WorkflowsDbContext db, TimeProvider clock, HttpRequest request,
        HttpResponse response, IOptions<WorkflowsOptions> options,
        string? state, string? field, string? subPark, int? constructionYear, int? waitingDays, int? page, int? pageSize, string? after,
        CancellationToken cancellationToken)
    {
        var slice = PageRequest.Of(page, pageSize, defaultSize: 50, MaxPageSize);

        InstanceCursor? cursor = null;
        if (after is not null)
        {
            if (page is not null)
            {
                throw new RuleViolationException("after", "paging", "Give either page or after, not both: after continues behind another page's last row.",
                    "page 与 after 只能给出其一：after 表示接在上一页最后一行之后。");
            }

            if (!InstanceCursor.TryParse(after, out var parsed))
            {
                throw new RuleViolationException("after", "paging", "after must be a cursor this list gave (X-Next-Cursor or the Link header's next page).",
                    "after 须为本列表给出的游标（X-Next-Cursor 或 Link 头中的下一页）。");
            }

            cursor = parsed;
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

        // The page's keys first (one more than the page, to know whether another follows), then only the page's rows:
        // skipping to a deep page walks an index (the filter and the order are in it) instead of reading every skipped
        // instance from the table, and a cursor seeks into that index instead of walking it.
        var keys = cursor is { } behind
            ? InstanceCursor.InListOrder(behind.Behind(query))
            : InstanceCursor.InListOrder(query).Skip(slice.Skip);
        var keyRows = await keys.Take(slice.Take + 1).Select(i => new { i.CorrelationId, i.UpdatedAt }).ToListAsync(cancellationToken);
        var more = keyRows.Count > slice.Take;
        if (more)
        {
            keyRows.RemoveAt(slice.Take);
        }

        var ids = keyRows.ConvertAll(k => k.CorrelationId);

        var rows = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.CorrelationId))
            .Select(InstanceSummary.Projection)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var list = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        if (more && keyRows.Count > 0)
        {
            // The last key as the key query saw it: read again with its row, a change made meanwhile would have moved it
            // to the front of the list and the next page would start over.
            var next = new InstanceCursor(keyRows[^1].UpdatedAt, keyRows[^1].CorrelationId).Encode();
            response.Headers[NextCursorHeader] = next;
            response.Headers.Link = $"<{NextPage(request, next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(list);
    }

    /// <summary>This request's path and filters, continuing behind <paramref name="cursor"/> (a page number would contradict it).</summary>
    private static string NextPage(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !string.Equals(p.Key, "page", StringComparison.OrdinalIgnoreCase) && !string.Equals(p.Key, "after", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))))
        {
            { "after", cursor },
        };
        return request.PathBase.Add(request.Path) + query.ToQueryString().Value;
    }
}
