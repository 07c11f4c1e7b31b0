using Zgc.Review.Domain;

namespace Zgc.Review;

/// <summary>
/// Review's part of the configuration (section <c>Review</c>). The panel settings and the scoring policy are read
/// when a panel is formed and recorded on it, so a later change does not alter a panel already at work.
/// </summary>
public sealed class ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Experts per panel: odd and at least 5 (default 5).</summary>
    public int PanelSize { get; set; } = Domain.PanelSettings.MinimumSize;

    /// <summary>Share of the panel whose scores let the committee close it early: ⌈size × % / 100⌉ (default 67: 4 of 5, 5 of 7).</summary>
    public int QuorumPercent { get; set; } = 67;

    /// <summary>A total more than this many points from the mean of the other totals is flagged (default 20).</summary>
    public decimal OutlierThreshold { get; set; } = 20m;

    public ScoringPolicyOptions Policy { get; set; } = new();

    public PanelSettings ToPanelSettings() => new(PanelSize, QuorumPercent, OutlierThreshold, Policy.ToPolicy());
}

/// <summary>The scoring policy (section <c>Review:Policy</c>); see <see cref="ScoringPolicy.Default"/> for the defaults.</summary>
public sealed class ScoringPolicyOptions
{
    public string Version { get; set; } = ScoringPolicy.Default.Version;

    /// <summary>Trimmed mean needed for support, 0–100 (default 70).</summary>
    public decimal SupportThreshold { get; set; } = ScoringPolicy.Default.SupportThreshold;

    /// <summary>Weight per criterion code (<c>significance</c> … <c>funding</c>); default 12.5 each.</summary>
    public Dictionary<string, decimal> Weights { get; set; } = Criteria.All.ToDictionary(c => c.Code(), c => ScoringPolicy.Default.Weights[c], StringComparer.OrdinalIgnoreCase);

    public ScoringPolicy ToPolicy() => new(Version,
        Criteria.All.ToDictionary(c => c, c => Weights.TryGetValue(c.Code(), out var weight) ? weight : 0m), SupportThreshold);
}
