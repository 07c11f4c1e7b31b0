using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Domain;
using Zgc.Intake.Persistence;
using Zgc.SharedKernel;

namespace Zgc.Intake.Features.Applications;

/// <summary>
/// Lists what the caller may see, filtered by status, sub-park, industry field and submission date (Beijing dates,
/// both ends included), searched by platform name, unit name or USCC, newest first, a page at a time.
/// </summary>
internal static class ListApplications
{
    public const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder group) =>
        group.MapGet("/applications", Handle).WithName("ListApplications");

    private static async Task<Ok<Page<ApplicationSummary>>> Handle(ClaimsPrincipal user, IntakeDbContext db, CancellationToken cancellationToken,
        string? status = null, string? subPark = null, string? industryField = null, DateOnly? submittedFrom = null, DateOnly? submittedTo = null,
        string? q = null, int page = 1, int pageSize = 20)
    {
        if (page < 1)
        {
            throw new RuleViolationException("page", "paging", "The page number starts at 1.", "页码从1开始。");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new RuleViolationException("pageSize", "paging", $"The page size is between 1 and {MaxPageSize}.", $"每页条数应在1至{MaxPageSize}之间。");
        }

        var query = db.Applications.AsNoTracking().Visible(user);
        if (status is not null)
        {
            var parsed = Enum.TryParse<ApplicationStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _)
                ? s
                : throw new RuleViolationException("status", "filter", $"Unknown status '{status}'; use one of: {string.Join(", ", Enum.GetNames<ApplicationStatus>())}.",
                    $"未知状态“{status}”，应为：{string.Join("、", Enum.GetNames<ApplicationStatus>())}。");
            query = query.Where(a => a.Status == parsed);
        }

        if (subPark is not null)
        {
            var park = SubPark.Parse(subPark);
            query = query.Where(a => a.SubPark == park);
        }

        if (industryField is not null)
        {
            var field = IndustryField.Parse(industryField);
            query = query.Where(a => a.IndustryField == field);
        }

        if (submittedFrom is { } from)
        {
            var start = BeijingTime.StartOfDay(from);
            query = query.Where(a => a.SubmittedAt >= start);
        }

        if (submittedTo is { } to)
        {
            var end = BeijingTime.EndOfDay(to);
            query = query.Where(a => a.SubmittedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(a => a.PlatformName.Contains(term) || a.UnitName.Contains(term) || a.UnitUscc.Contains(upper));
        }

        var total = await query.CountAsync(cancellationToken);
        // Only the summary's columns: each row's draft and history are JSON documents of several kilobytes that a list
        // would otherwise read and deserialize just to drop.
        // Both keys descending: one direction, so an index on (…, CreatedAt, Id) is read backwards in this order.
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id, a.UnitUscc, a.UnitName, a.PlatformName, a.IndustryField, a.SubArea, a.SubPark, a.TotalInvestment, a.SupportBase, a.Status,
                a.CurrentVersion, a.CreatedAt, a.SubmittedAt, a.Ranking,
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ApplicationSummary>([.. items.Select(a => new ApplicationSummary(a.Id, a.UnitUscc, a.UnitName, a.PlatformName,
            a.IndustryField?.Code, a.SubArea, a.SubPark?.Code, a.TotalInvestment.Fen, a.SupportBase.Fen, a.Status.ToString(), a.CurrentVersion, a.CreatedAt,
            a.SubmittedAt, a.Ranking))], page, pageSize, total));
    }
}
