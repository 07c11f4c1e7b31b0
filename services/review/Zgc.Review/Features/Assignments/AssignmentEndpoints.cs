using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zgc.Review.Domain;
using Zgc.Review.Features.Panels;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

namespace Zgc.Review.Features.Assignments;

/// <summary>
/// An expert's own assignments: the expert is the signed-in user (token <c>sub</c>) and sees only the panels they sit
/// on. The material is shown only after the no-conflict declaration; other experts' scores only after the panel closes.
/// </summary>
internal static class AssignmentEndpoints
{
    public sealed record DeclarationRequest(bool NoConflict);

    public sealed record DeclineRequest(string? Reason, bool Conflict);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/assignments", List).RequireRoles(Roles.Expert).WithName("ListMyAssignments");
        group.MapGet("/assignments/{panelId:guid}", Get).RequireRoles(Roles.Expert).WithName("GetMyAssignment");
        group.MapGet("/assignments/{panelId:guid}/material", Material).RequireRoles(Roles.Expert).WithName("GetAssignmentMaterial");
        group.MapGet("/assignments/{panelId:guid}/panel", PanelResult).RequireRoles(Roles.Expert).WithName("GetAssignmentPanelResult");
        group.MapPost("/assignments/{panelId:guid}/declaration", Declare).RequireRoles(Roles.Expert).WithName("DeclareNoConflict");
        group.MapPost("/assignments/{panelId:guid}/decline", Decline).RequireRoles(Roles.Expert).WithName("DeclineAssignment");
        group.MapPost("/assignments/{panelId:guid}/score", ScoreSubmission.Handle).RequireRoles(Roles.Expert).WithName("SubmitScore");
    }

    /// <summary>
    /// The panel with the signed-in expert's seat, or null when they never sat on it; its change log only when
    /// <paramref name="withChanges"/> (the expert's own steps add to it without reading it).
    /// </summary>
    internal static async Task<(ExpertPanel Panel, PanelMember Seat, ReviewCase Case)?> Mine(ReviewDbContext db, Guid panelId, ClaimsPrincipal user,
        CancellationToken cancellationToken, bool withChanges = false)
    {
        var panel = withChanges ? await db.Panel(panelId, cancellationToken) : await db.PanelSeats(panelId, cancellationToken);
        var me = user.UserId();
        var seat = panel?.Members.LastOrDefault(m => m.ExpertUserId == me);
        if (panel is null || seat is null)
        {
            return null;
        }

        return (panel, seat, await db.CaseOf(panel, cancellationToken));
    }

    private static async Task<Ok<List<AssignmentView>>> List(ClaimsPrincipal user, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var me = user.UserId();
        var panelIds = await db.PanelMembers.AsNoTracking().Where(m => m.ExpertUserId == me).Select(m => m.PanelId).Distinct().ToListAsync(cancellationToken);
        var panels = await db.Panels.AsNoTracking().Include(p => p.Members).Where(p => panelIds.Contains(p.Id)).OrderByDescending(p => p.FormedAt)
            .ToListAsync(cancellationToken);
        var caseIds = panels.Select(p => p.ApplicationId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.ApplicationId)).ToDictionaryAsync(c => c.ApplicationId, cancellationToken);
        return TypedResults.Ok(panels.Select(p => AssignmentView.From(p, p.Members.Last(m => m.ExpertUserId == me), cases[p.ApplicationId])).ToList());
    }

    private static async Task<Results<Ok<AssignmentView>, NotFound>> Get(Guid panelId, ClaimsPrincipal user, ReviewDbContext db, CancellationToken cancellationToken) =>
        await Mine(db, panelId, user, cancellationToken) is { } mine ? TypedResults.Ok(AssignmentView.From(mine.Panel, mine.Seat, mine.Case)) : TypedResults.NotFound();

    private static async Task<Results<Ok<AssignmentMaterial>, NotFound>> Material(Guid panelId, ClaimsPrincipal user, ReviewDbContext db,
        CancellationToken cancellationToken)
    {
        if (await Mine(db, panelId, user, cancellationToken) is not { } mine)
        {
            return TypedResults.NotFound();
        }

        if (mine.Seat.DeclaredAt is null || mine.Seat.Status is MemberStatus.Declined or MemberStatus.Replaced)
        {
            throw new RuleViolationException("declaration", Rules.Expert, "Sign the no-conflict declaration for this assignment before seeing its material.",
                "查看申报材料前须签署本次评审的无利益冲突声明。", RuleViolationException.ConflictStatus);
        }

        return TypedResults.Ok(AssignmentMaterial.From(mine.Case));
    }

    /// <summary>The panel's scores, only once it is closed.</summary>
    private static async Task<Results<Ok<PanelView>, NotFound>> PanelResult(Guid panelId, ClaimsPrincipal user, ReviewDbContext db,
        CancellationToken cancellationToken)
    {
        if (await Mine(db, panelId, user, cancellationToken, withChanges: true) is not { } mine)
        {
            return TypedResults.NotFound();
        }

        if (mine.Panel.Status != PanelStatus.Closed)
        {
            throw new RuleViolationException("panel", Rules.Expert, "The panel's scores are shown when the panel closes.", "专家组评审结束后方可查看评分。",
                RuleViolationException.ConflictStatus);
        }

        return TypedResults.Ok(PanelView.From(mine.Panel));
    }

    private static async Task<Results<Ok<AssignmentView>, NotFound>> Declare(Guid panelId, DeclarationRequest request, ClaimsPrincipal user, ReviewDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await Mine(db, panelId, user, cancellationToken) is not { } mine)
        {
            return TypedResults.NotFound();
        }

        if (!request.NoConflict)
        {
            throw new RuleViolationException("noConflict", Rules.Expert,
                "The declaration states that you have no conflict of interest; if you have one, decline the assignment instead.",
                "声明内容为不存在利益冲突；如存在利益冲突，请谢绝本次评审。");
        }

        mine.Panel.Declare(user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AssignmentView.From(mine.Panel, mine.Seat, mine.Case));
    }

    private static async Task<Results<Ok<AssignmentView>, NotFound>> Decline(Guid panelId, DeclineRequest request, ClaimsPrincipal user, ReviewDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await Mine(db, panelId, user, cancellationToken) is not { } mine)
        {
            return TypedResults.NotFound();
        }

        var eligible = ExpertPanel.Eligible(await db.Experts.Where(e => e.Active).ToListAsync(cancellationToken), mine.Case);
        mine.Panel.Decline(user.UserId(), request.Reason ?? "", request.Conflict, [.. eligible], clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AssignmentView.From(mine.Panel, mine.Seat, mine.Case));
    }
}

/// <summary>
/// The expert's seat. Before the declaration it names only who applies (unit, USCC, integrated enterprises), which
/// the expert needs to know whether they are conflicted; the material itself is at <c>/material</c>.
/// </summary>
public sealed record AssignmentView(
    Guid PanelId, Guid ApplicationId, string PanelStatus, string Status, string UnitName, string UnitUscc, IReadOnlyList<string> IntegratedEnterpriseUsccs,
    string PlatformName, DateTimeOffset? DeclaredAt, DateTimeOffset? SubmittedAt, IReadOnlyDictionary<string, decimal>? MyScores, string? MyComment, bool? MySupport)
{
    public static AssignmentView From(ExpertPanel panel, PanelMember seat, ReviewCase c) => new(panel.Id, panel.ApplicationId, panel.Status.ToString(),
        seat.Status.ToString(), c.UnitName, c.UnitUscc, c.IntegratedEnterpriseUsccs, c.PlatformName, seat.DeclaredAt, seat.SubmittedAt,
        PanelMemberView.ScoreCodes(seat), seat.Comment, seat.Support);
}

/// <summary>What the expert evaluates (after the declaration).</summary>
public sealed record AssignmentMaterial(
    Guid ApplicationId, string UnitName, string UnitUscc, string PlatformName, string IndustryField, string? SubArea, string SubPark, int? SubParkRanking,
    IReadOnlyList<string> IntegratedEnterpriseUsccs, long TotalInvestmentFen, long SupportBaseFen, IReadOnlyList<CriterionInfo> Criteria)
{
    public static AssignmentMaterial From(ReviewCase c) => new(c.ApplicationId, c.UnitName, c.UnitUscc, c.PlatformName, c.IndustryField, c.SubArea, c.SubPark,
        c.SubParkRanking, c.IntegratedEnterpriseUsccs, c.TotalInvestmentFen, c.SupportBaseFen,
        [.. Domain.Criteria.All.Select(x => new CriterionInfo(x.Code(), x.ZhName()))]);
}

public sealed record CriterionInfo(string Code, string ZhName);
