using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Notice.Calendar;
using Zgc.Notice.Contracts;
using Zgc.Notice.Domain;
using Zgc.Notice.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Notice.Features;

public sealed record ReasonRequest(string? Reason);

public sealed record ExtendRequest(DateOnly EndsOn);

public sealed record ObjectionDecision(bool Upheld, string? Finding);

public sealed record ManagedNotice(NoticeView Notice, List<Objection> Objections);

/// <summary>Committee officers (and admins): publish drafts, withdraw or extend notices, handle objections.</summary>
internal static class OfficerNotices
{
    public static void Map(IEndpointRouteBuilder group)
    {
        var manage = group.MapGroup("/manage").RequireRoles(Roles.CommitteeOfficer, Roles.Admin);
        manage.MapGet("/notices", List);
        manage.MapGet("/notices/{id:guid}", Get);
        manage.MapPost("/notices/{id:guid}/publish", Publish);
        manage.MapPost("/notices/{id:guid}/withdraw", Withdraw);
        manage.MapPost("/notices/{id:guid}/extend", Extend);
        manage.MapPost("/notices/{id:guid}/objections/{objectionId:guid}/investigate", Investigate);
        manage.MapPost("/notices/{id:guid}/objections/{objectionId:guid}/decide", Decide);
    }

    /// <summary>The most application ids one request may name.</summary>
    public const int MaxApplicationIds = 100;

    /// <summary>
    /// The newest 500 notices, or only those of the given statuses (<c>status</c>, repeatable) or applications
    /// (<c>applicationId</c>, repeatable, at most <see cref="MaxApplicationIds"/>): the officer's inbox asks for the notices
    /// still in progress and a meeting's page for its approved applications' notices, which the newest 500 of every notice
    /// ever need not hold. How many match in all is in <c>X-Total-Count</c>.
    /// </summary>
    private static async Task<Ok<List<NoticeView>>> List(NoticeStatus[]? status, Guid[]? applicationId, NoticeDbContext db, HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (applicationId is { Length: > MaxApplicationIds })
        {
            throw new RuleViolationException("applicationId", "paging", $"Ask for at most {MaxApplicationIds} applications at once.",
                $"一次最多查询 {MaxApplicationIds} 个申报。");
        }

        var query = db.Notices.AsNoTracking();
        if (status is { Length: > 0 })
        {
            var statuses = status.Distinct().ToList();
            query = query.Where(n => statuses.Contains(n.Status));
        }

        if (applicationId is { Length: > 0 })
        {
            var applications = applicationId.Distinct().ToList();
            query = query.Where(n => applications.Contains(n.ApplicationId));
        }

        // How many match in all, so that a page showing the newest 500 can say it does not show them all.
        response.Headers["X-Total-Count"] = (await query.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok((await query.OrderByDescending(n => n.DraftedAt).Take(500).ToListAsync(cancellationToken)).Select(NoticeView.From).ToList());
    }

    private static async Task<Results<Ok<ManagedNotice>, NotFound>> Get(Guid id, NoticeDbContext db, CancellationToken cancellationToken)
    {
        var notice = await Load(db, id, cancellationToken);
        return notice is null ? TypedResults.NotFound() : TypedResults.Ok(new ManagedNotice(NoticeView.From(notice), [.. notice.Objections]));
    }

    private static async Task<Results<Ok<NoticeView>, NotFound>> Publish(Guid id, ClaimsPrincipal user, NoticeDbContext db, IOutbox<NoticeDbContext> outbox,
        CalendarCache calendars, IOptions<NoticeOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Load(db, id, cancellationToken);
        if (notice is null)
        {
            return TypedResults.NotFound();
        }

        await NoticeFlow.Publish(notice, await calendars.Get(db, cancellationToken), outbox, options.Value, clock.GetUtcNow(), Who(user), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NoticeView.From(notice));
    }

    private static async Task<Results<Ok<NoticeView>, NotFound>> Withdraw(Guid id, ReasonRequest request, NoticeDbContext db, IOutbox<NoticeDbContext> outbox,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Load(db, id, cancellationToken);
        if (notice is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var wasPublic = notice.Status == NoticeStatus.Open;
        if (notice.Withdraw(request.Reason ?? "", now) is { } timer)
        {
            await outbox.Cancel(timer, cancellationToken);
        }

        if (wasPublic)
        {
            await outbox.Publish(new NoticeFailed(notice.Id, notice.ApplicationId, NoticeFlow.Withdrawn, notice.OutcomeReason!, now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NoticeView.From(notice));
    }

    private static async Task<Results<Ok<NoticeView>, NotFound>> Extend(Guid id, ExtendRequest request, NoticeDbContext db, IOutbox<NoticeDbContext> outbox,
        CalendarCache calendars, IOptions<NoticeOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Load(db, id, cancellationToken);
        if (notice is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var calendar = await calendars.Get(db, cancellationToken);
        if (notice.Extend(request.EndsOn, calendar, options.Value.Policy(), now) is { } timer)
        {
            await outbox.Cancel(timer, cancellationToken);
        }

        await NoticeFlow.ScheduleClose(notice, outbox, cancellationToken);
        await outbox.Publish(new NoticeExtended(notice.Id, notice.ApplicationId, notice.EndsOn!.Value, notice.ClosesAt!.Value, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NoticeView.From(notice));
    }

    private static async Task<Results<Ok<ObjectionReceipt>, NotFound>> Investigate(Guid id, Guid objectionId, ClaimsPrincipal user, NoticeDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Load(db, id, cancellationToken);
        if (notice is null)
        {
            return TypedResults.NotFound();
        }

        notice.Investigate(objectionId, Who(user), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PublicNotices.ReceiptOf(notice.Objections.Single(o => o.Id == objectionId)));
    }

    private static async Task<Results<Ok<ObjectionReceipt>, NotFound>> Decide(Guid id, Guid objectionId, ObjectionDecision request, ClaimsPrincipal user,
        NoticeDbContext db, IOutbox<NoticeDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notice = await Load(db, id, cancellationToken);
        if (notice is null)
        {
            return TypedResults.NotFound();
        }

        if (notice.Resolve(objectionId, request.Upheld, request.Finding ?? "", Who(user), clock.GetUtcNow()))
        {
            await NoticeFlow.AnnounceResult(notice, outbox, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PublicNotices.ReceiptOf(notice.Objections.Single(o => o.Id == objectionId)));
    }

    private static Task<PublicNotice?> Load(NoticeDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Notices.Include(n => n.Objections).ThenInclude(o => o.Evidence).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);

    /// <summary>The officer's user id (token <c>sub</c>): unique, and the same id an objection they filed records.</summary>
    private static string Who(ClaimsPrincipal user) => user.UserId();
}
