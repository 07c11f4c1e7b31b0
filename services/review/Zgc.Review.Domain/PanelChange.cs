namespace Zgc.Review.Domain;

/// <summary>An audit line of a panel: every change after the draw, who made it, when and why.</summary>
public sealed class PanelChange
{
    private PanelChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid PanelId { get; private set; }

    /// <summary><c>formed</c>, <c>declined</c>, <c>replaced</c>, <c>reopened</c> or <c>closed</c>.</summary>
    public string Kind { get; private set; } = "";

    public string? ExpertUserId { get; private set; }

    /// <summary>The expert who took the seat, for declines and replacements.</summary>
    public string? ReplacementUserId { get; private set; }

    public string Reason { get; private set; } = "";

    public string By { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    internal static PanelChange Of(Guid panelId, string kind, string? expertUserId, string? replacementUserId, string reason, string by, DateTimeOffset at) =>
        new() { Id = Guid.NewGuid(), PanelId = panelId, Kind = kind, ExpertUserId = expertUserId, ReplacementUserId = replacementUserId, Reason = reason, By = by, At = at };
}
