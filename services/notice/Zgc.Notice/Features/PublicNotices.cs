using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;

namespace Zgc.Notice.Features;

public sealed record NoticeView(Guid Id, Guid ApplicationId, string PlatformName, string UnitName, DateOnly StartsOn, DateOnly EndsOn,
    DateTimeOffset ClosesAt, DateTimeOffset PublishedAt)
{
    public static NoticeView From(PublicNotice n) => new(n.Id, n.ApplicationId, n.PlatformName, n.UnitName, n.StartsOn, n.EndsOn, n.ClosesAt, n.PublishedAt);
}

/// <summary>Published notices are public: anyone may read them without signing in (DESIGN.md, Security).</summary>
internal static class PublicNotices
{
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/notices", List).AllowAnonymous().WithName("ListNotices");
        group.MapGet("/notices/{id:guid}", Get).AllowAnonymous().WithName("GetNotice");
    }

    private static async Task<Ok<List<NoticeView>>> List(NoticeDbContext db, Guid? applicationId, CancellationToken cancellationToken)
    {
        var query = db.Notices.AsNoTracking();
        if (applicationId is { } id)
        {
            query = query.Where(n => n.ApplicationId == id);
        }

        var notices = await query.OrderByDescending(n => n.PublishedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(notices.Select(NoticeView.From).ToList());
    }

    private static async Task<Results<Ok<NoticeView>, NotFound>> Get(Guid id, NoticeDbContext db, CancellationToken cancellationToken)
    {
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        return notice is null ? TypedResults.NotFound() : TypedResults.Ok(NoticeView.From(notice));
    }
}
