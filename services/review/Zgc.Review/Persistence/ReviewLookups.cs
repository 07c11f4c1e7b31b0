using Microsoft.EntityFrameworkCore;
using Zgc.Persistence;
using Zgc.Review.Domain;

namespace Zgc.Review.Persistence;

/// <summary>
/// The review service's lookups that nearly every request of the expert and meeting steps makes, compiled once per model
/// (<see cref="ModelCompiledQuery{TContext, TParameter, TResult}"/>): an expert's declaration or score reads the panel and
/// the case, a meeting's decision the case and the meeting (docs/performance.md, fix 40). Tracked, as the callers change what they read.
/// </summary>
internal static class ReviewLookups
{
    private static readonly ModelCompiledQuery<ReviewDbContext, Guid, ReviewCase?> CaseQuery =
        new((db, applicationId, _) => db.Cases.SingleOrDefault(c => c.ApplicationId == applicationId));

    private static readonly ModelCompiledQuery<ReviewDbContext, Guid, ExpertPanel?> PanelQuery =
        new((db, panelId, _) => db.Panels.Include(p => p.Members).Include(p => p.Changes).SingleOrDefault(p => p.Id == panelId));

    // An expert's own steps (declaration, score, decline) only add to the change log, never read it: the panel with its
    // seats alone is one row per seat instead of one per seat and change (docs/performance.md, fix 43).
    private static readonly ModelCompiledQuery<ReviewDbContext, Guid, ExpertPanel?> PanelSeatsQuery =
        new((db, panelId, _) => db.Panels.Include(p => p.Members).SingleOrDefault(p => p.Id == panelId));

    private static readonly ModelCompiledQuery<ReviewDbContext, Guid, Meeting?> MeetingQuery =
        new((db, meetingId, _) => db.Meetings.Include(m => m.Agenda).SingleOrDefault(m => m.Id == meetingId));

    /// <summary>The review case of an application, or null.</summary>
    public static Task<ReviewCase?> Case(this ReviewDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        CaseQuery.Run(db, applicationId, cancellationToken);

    /// <summary>The case a panel was formed for, which always exists (a panel is formed from its case in one save).</summary>
    public static async Task<ReviewCase> CaseOf(this ReviewDbContext db, ExpertPanel panel, CancellationToken cancellationToken) =>
        await CaseQuery.Run(db, panel.ApplicationId, cancellationToken)
        ?? throw new InvalidOperationException($"Panel {panel.Id} has no review case {panel.ApplicationId}.");

    /// <summary>A meeting with its agenda, or null.</summary>
    public static Task<Meeting?> Meeting(this ReviewDbContext db, Guid meetingId, CancellationToken cancellationToken) =>
        MeetingQuery.Run(db, meetingId, cancellationToken);

    /// <summary>
    /// A panel with its members but not its change log (changes added to it are still saved), or null: for the steps that
    /// do not show or read the log.
    /// </summary>
    public static Task<ExpertPanel?> PanelSeats(this ReviewDbContext db, Guid panelId, CancellationToken cancellationToken) =>
        PanelSeatsQuery.Run(db, panelId, cancellationToken);

    /// <summary>A panel with its members and its change log, or null.</summary>
    public static Task<ExpertPanel?> Panel(this ReviewDbContext db, Guid panelId, CancellationToken cancellationToken) =>
        PanelQuery.Run(db, panelId, cancellationToken);
}
