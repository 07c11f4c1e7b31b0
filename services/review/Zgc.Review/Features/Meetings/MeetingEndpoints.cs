using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Messaging.Outbox;
using Zgc.Review.Contracts;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Review.Features.Meetings;

/// <summary>The director office meeting (主任办公会, R-A13-MEETING): its date, agenda and decisions.</summary>
internal static class MeetingEndpoints
{
    public sealed record ScheduleRequest(DateOnly? Date, string? Title, IReadOnlyList<Guid>? ApplicationIds);

    public sealed record AgendaRequest(Guid? ApplicationId);

    /// <summary>Outcome is <c>approve</c>, <c>reject</c> or <c>defer</c>; a rejection or deferral gives its reason.</summary>
    public sealed record DecisionRequest(Guid? ApplicationId, string? Outcome, string? MinutesReference, string? Reason, bool EspeciallyMajor,
        string? MunicipalDecisionReference);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/meetings", Schedule).RequireRoles(Roles.CommitteeOfficer).WithName("ScheduleMeeting");
        group.MapGet("/meetings", List).RequireOperators().WithName("ListMeetings");
        group.MapGet("/meetings/{meetingId:guid}", Get).RequireOperators().WithName("GetMeeting");
        group.MapPost("/meetings/{meetingId:guid}/agenda", AddToAgenda).RequireRoles(Roles.CommitteeOfficer).WithName("AddToAgenda");
        group.MapPost("/meetings/{meetingId:guid}/decisions", Decide).RequireRoles(Roles.CommitteeOfficer).WithName("RecordDecision");
    }

    internal static async Task<MeetingView> View(ReviewDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var ids = meeting.Agenda.Select(i => i.ApplicationId).ToList();
        var tracked = db.Cases.Local.Where(c => ids.Contains(c.ApplicationId)).ToDictionary(c => c.ApplicationId);
        var missing = ids.Where(id => !tracked.ContainsKey(id)).ToList();
        foreach (var c in await db.Cases.Where(c => missing.Contains(c.ApplicationId)).ToListAsync(cancellationToken))
        {
            tracked[c.ApplicationId] = c;
        }

        return MeetingView.From(meeting, tracked);
    }

    /// <summary>
    /// Schedules a meeting. Its agenda starts with the cases an earlier meeting deferred that no later meeting has taken
    /// up yet (carried over), then the cases named in the request.
    /// </summary>
    private static async Task<Created<MeetingView>> Schedule(ScheduleRequest request, ClaimsPrincipal user, ReviewDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var date = request.Date ?? throw new RuleViolationException("date", Rules.Meeting, "The meeting needs a date.", "请填写会议日期。");
        var now = clock.GetUtcNow();
        var meeting = Meeting.Schedule(date, request.Title ?? "", user.UserId(), now);
        foreach (var (reviewCase, from) in await Waiting(db, date, cancellationToken))
        {
            meeting.Add(reviewCase, from, now);
        }

        foreach (var id in (request.ApplicationIds ?? []).Distinct())
        {
            if (meeting.Agenda.Any(i => i.ApplicationId == id))
            {
                continue; // already carried over
            }

            var reviewCase = await db.Case(id, cancellationToken) ?? throw UnknownCase(id);
            meeting.Add(reviewCase, null, now);
        }

        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/review/meetings/{meeting.Id}", await View(db, meeting, cancellationToken));
    }

    /// <summary>Supported cases on no agenda whose last agenda item was deferred at a meeting before <paramref name="date"/>.</summary>
    private static async Task<List<(ReviewCase Case, Guid From)>> Waiting(ReviewDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        // Only cases that were ever deferred are candidates: loading every supported case on no agenda (all the cases a
        // meeting may still take up) to keep the few deferred ones made each scheduling cost as much as the backlog.
        var waiting = await db.Cases
            .Where(c => c.Stage == ReviewStage.Supported && c.AgendaMeetingId == null &&
                db.AgendaItems.Any(i => i.ApplicationId == c.ApplicationId && i.Outcome == MeetingOutcome.Deferred))
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(c => c.ApplicationId).ToList();
        var deferrals = await db.AgendaItems.AsNoTracking().Where(i => ids.Contains(i.ApplicationId) && i.Outcome == MeetingOutcome.Deferred)
            .Join(db.Meetings, i => i.MeetingId, m => m.Id, (i, m) => new { i.ApplicationId, i.MeetingId, m.Date })
            .ToListAsync(cancellationToken);
        return [.. waiting
            .Select(c => (Case: c, Last: deferrals.Where(d => d.ApplicationId == c.ApplicationId).OrderByDescending(d => d.Date).FirstOrDefault()))
            .Where(x => x.Last is not null && x.Last.Date < date)
            .OrderBy(x => x.Last!.Date).ThenBy(x => x.Case.OpenedAt)
            .Select(x => (x.Case, x.Last!.MeetingId))];
    }

    private static async Task<Ok<List<MeetingView>>> List(ReviewDbContext db, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).OrderByDescending(m => m.Date).Take(200).ToListAsync(cancellationToken);
        var ids = meetings.SelectMany(m => m.Agenda.Select(i => i.ApplicationId)).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.ApplicationId)).ToDictionaryAsync(c => c.ApplicationId, cancellationToken);
        return TypedResults.Ok(meetings.Select(m => MeetingView.From(m, cases)).ToList());
    }

    private static async Task<Results<Ok<MeetingView>, NotFound>> Get(Guid meetingId, ReviewDbContext db, CancellationToken cancellationToken) =>
        await db.Meeting(meetingId, cancellationToken) is { } meeting ? TypedResults.Ok(await View(db, meeting, cancellationToken)) : TypedResults.NotFound();

    private static async Task<Results<Ok<MeetingView>, NotFound>> AddToAgenda(Guid meetingId, AgendaRequest request, ReviewDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var id = request.ApplicationId ?? throw new RuleViolationException("applicationId", Rules.Meeting, "Name the case to put on the agenda.", "请指定列入议程的申请。");
        var meeting = await db.Meeting(meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var reviewCase = await db.Case(id, cancellationToken) ?? throw UnknownCase(id);
        meeting.Add(reviewCase, null, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await View(db, meeting, cancellationToken));
    }

    private static async Task<Results<Ok<MeetingView>, NotFound>> Decide(Guid meetingId, DecisionRequest request, ClaimsPrincipal user, ReviewDbContext db,
        IOutbox<ReviewDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = request.ApplicationId ?? throw new RuleViolationException("applicationId", Rules.Meeting, "Name the case decided.", "请指定所决定的申请。");
        var outcome = request.Outcome?.Trim().ToLowerInvariant() switch
        {
            "approve" or "approved" => MeetingOutcome.Approved,
            "reject" or "rejected" => MeetingOutcome.Rejected,
            "defer" or "deferred" => MeetingOutcome.Deferred,
            _ => throw new RuleViolationException("outcome", Rules.Meeting, "The outcome is approve, reject or defer.", "会议决定须为approve（通过）、reject（不予通过）或defer（暂缓审议）。"),
        };
        var meeting = await db.Meeting(meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var reviewCase = await db.Case(id, cancellationToken) ?? throw UnknownCase(id);
        await MeetingDecisions.Record(db, outbox, meeting, reviewCase,
            new MeetingDecision(outcome, request.MinutesReference, request.Reason, request.EspeciallyMajor, request.MunicipalDecisionReference),
            user.UserId(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await View(db, meeting, cancellationToken));
    }

    internal static RuleViolationException UnknownCase(Guid id) =>
        new("applicationId", Rules.Meeting, $"There is no review case {id}.", "没有该评审申请。", StatusCodes.Status404NotFound);
}

/// <summary>
/// Records one decision and queues its message; a deferral carries the case to the next scheduled meeting. Whoever sat on
/// the case's expert panel cannot record it (segregation of duties).
/// </summary>
internal static class MeetingDecisions
{
    public static async Task Record(ReviewDbContext db, IOutbox<ReviewDbContext> outbox, Meeting meeting, ReviewCase reviewCase, MeetingDecision decision,
        string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var panels = await db.Panels.AsNoTracking().Include(p => p.Members).Where(p => p.ApplicationId == reviewCase.ApplicationId).ToListAsync(cancellationToken);
        ExpertPanel.EnsureNotOnPanel(panels, by, "record the meeting's decision on");
        var item = meeting.Decide(reviewCase, decision, by, now);
        switch (decision.Outcome)
        {
            case MeetingOutcome.Approved:
                await outbox.Publish(new PlatformApproved(reviewCase.ApplicationId, reviewCase.EspeciallyMajor, by, now, meeting.Id, item.MinutesReference,
                    reviewCase.MunicipalDecisionReference), cancellationToken);
                break;
            case MeetingOutcome.Rejected:
                await outbox.Publish(new PlatformRejected(reviewCase.ApplicationId, item.Reason!, by, now, meeting.Id, item.MinutesReference), cancellationToken);
                break;
            default:
                var next = await db.Meetings.Include(m => m.Agenda).Where(m => m.Date > meeting.Date)
                    .OrderBy(m => m.Date).ThenBy(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
                next?.Add(reviewCase, meeting.Id, now);
                await outbox.Publish(new PlatformDeferred(reviewCase.ApplicationId, meeting.Id, item.Reason!, by, now, item.MinutesReference, next?.Id),
                    cancellationToken);
                break;
        }
    }
}
