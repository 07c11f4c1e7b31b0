using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zgc.Messaging.Outbox;
using Zgc.Review.Domain;
using Zgc.Review.Persistence;
using Zgc.ServiceDefaults;

namespace Zgc.Review.Features.Panels;

/// <summary>Committee officers form and manage expert panels (R-A13-EXPERT); operators watch them.</summary>
internal static class PanelEndpoints
{
    /// <param name="Seed">Optional: a seed to draw with (0 … 2^53−1); by default a random one is drawn and recorded.</param>
    public sealed record FormRequest(long? Seed);

    public sealed record ReplaceRequest(string? ReplacementUserId, string? Reason);

    public sealed record ReasonRequest(string? Reason);

    public sealed record DrawAudit(long Seed, IReadOnlyList<string> Pool, IReadOnlyList<string> DrawOrder, IReadOnlyList<string> Drawn, bool Matches);

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/cases/{applicationId:guid}/panel", Form).RequireRoles(Roles.CommitteeOfficer).WithName("FormPanel");
        group.MapGet("/panels", ListWaiting).RequireOperators().WithName("ListOpenPanels");
        group.MapGet("/panels/{panelId:guid}", Get).RequireOperators().WithName("GetPanel");
        group.MapGet("/panels/{panelId:guid}/draw", Audit).RequireOperators().WithName("AuditPanelDraw");
        group.MapPost("/panels/{panelId:guid}/members/{expertUserId}/replace", Replace).RequireRoles(Roles.CommitteeOfficer).WithName("ReplacePanelMember");
        group.MapPost("/panels/{panelId:guid}/members/{expertUserId}/reopen", Reopen).RequireRoles(Roles.CommitteeOfficer).WithName("ReopenScore");
        group.MapPost("/panels/{panelId:guid}/close", Close).RequireRoles(Roles.CommitteeOfficer).WithName("ClosePanel");
    }

    /// <summary>A fresh seed from the operating system's cryptographic generator, so nobody can steer the draw.</summary>
    private static long NewSeed() => (long)(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & (ulong)PanelDraw.MaximumSeed);

    private static async Task<Results<Created<PanelView>, NotFound>> Form(Guid applicationId, FormRequest? request, ClaimsPrincipal user, ReviewDbContext db,
        IOptionsSnapshot<ReviewOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reviewCase = await db.Case(applicationId, cancellationToken);
        if (reviewCase is null)
        {
            return TypedResults.NotFound();
        }

        var seed = request?.Seed ?? NewSeed();
        var experts = await db.Experts.Where(e => e.Active).ToListAsync(cancellationToken);
        var panel = ExpertPanel.Form(reviewCase, experts, options.Value.ToPanelSettings(), seed, user.UserId(), clock.GetUtcNow());
        db.Panels.Add(panel);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/review/panels/{panel.Id}", PanelView.From(panel));
    }

    private static async Task<Ok<List<WaitingPanelView>>> ListWaiting(ReviewDbContext db, CancellationToken cancellationToken)
    {
        var panels = await db.Panels.AsNoTracking().Include(p => p.Members).Where(p => p.Status == PanelStatus.Open)
            .OrderBy(p => p.FormedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(panels.Select(p => new WaitingPanelView(p.Id, p.ApplicationId, p.FormedAt,
            p.Members.Count(m => m.Status == MemberStatus.Submitted), p.Seated.Count(), p.Quorum,
            [.. p.Members.Where(m => m.Status == MemberStatus.Assigned).Select(m => m.ExpertUserId)],
            [.. p.Members.Where(m => m.Status == MemberStatus.Declared).Select(m => m.ExpertUserId)])).ToList());
    }

    private static async Task<Results<Ok<PanelView>, NotFound>> Get(Guid panelId, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var panel = await db.Panel(panelId, cancellationToken);
        return panel is null ? TypedResults.NotFound() : TypedResults.Ok(PanelView.From(panel));
    }

    /// <summary>Recomputes the draw from the recorded seed and pool, so an auditor can check the panel was drawn as recorded.</summary>
    private static async Task<Results<Ok<DrawAudit>, NotFound>> Audit(Guid panelId, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var panel = await db.Panel(panelId, cancellationToken);
        if (panel is null)
        {
            return TypedResults.NotFound();
        }

        var order = PanelDraw.Order(panel.Pool, panel.Seed);
        var drawn = panel.Members.Where(m => m.JoinedBy == "draw").Select(m => m.ExpertUserId).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(new DrawAudit(panel.Seed, panel.Pool, order, [.. order.Where(drawn.Contains)],
            drawn.SetEquals(order.Take(panel.Size))));
    }

    private static async Task<Results<Ok<PanelView>, NotFound>> Replace(Guid panelId, string expertUserId, ReplaceRequest request, ClaimsPrincipal user,
        ReviewDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var panel = await db.Panel(panelId, cancellationToken);
        var reviewCase = panel is null ? null : await db.CaseOf(panel, cancellationToken);
        if (panel is null || reviewCase is null)
        {
            return TypedResults.NotFound();
        }

        var eligible = ExpertPanel.Eligible(await db.Experts.Where(e => e.Active).ToListAsync(cancellationToken), reviewCase);
        panel.Replace(expertUserId, string.IsNullOrWhiteSpace(request.ReplacementUserId) ? null : request.ReplacementUserId.Trim(), request.Reason ?? "",
            [.. eligible], user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PanelView.From(panel));
    }

    private static async Task<Results<Ok<PanelView>, NotFound>> Reopen(Guid panelId, string expertUserId, ReasonRequest request, ClaimsPrincipal user,
        ReviewDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var panel = await db.Panel(panelId, cancellationToken);
        if (panel is null)
        {
            return TypedResults.NotFound();
        }

        panel.Reopen(expertUserId, request.Reason ?? "", user.UserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PanelView.From(panel));
    }

    /// <summary>Closes the panel before every score is in: needs the quorum and a reason.</summary>
    private static async Task<Results<Ok<PanelView>, NotFound>> Close(Guid panelId, ReasonRequest request, ClaimsPrincipal user, ReviewDbContext db,
        IOutbox<ReviewDbContext> outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var panel = await db.Panel(panelId, cancellationToken);
        if (panel is null)
        {
            return TypedResults.NotFound();
        }

        var reviewCase = await db.CaseOf(panel, cancellationToken);
        await PanelCompletion.Complete(panel, reviewCase, outbox, user.UserId(), clock.GetUtcNow(), early: true, request.Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PanelView.From(panel));
    }
}
