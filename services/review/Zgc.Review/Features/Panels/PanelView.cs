using Zgc.Review.Domain;

namespace Zgc.Review.Features.Panels;

/// <summary>
/// A panel as operators see it. Until the panel closes, members show only their status: nobody, the committee
/// included, sees a score before the result (R-A13-EXPERT: experts do not see each other's scores).
/// </summary>
public sealed record PanelView(
    Guid Id, Guid ApplicationId, string Status, int Size, int Quorum, long Seed, string PoolTier, int PoolSize, string PolicyVersion,
    IReadOnlyDictionary<string, decimal> Weights, decimal SupportThreshold, decimal OutlierThreshold, string FormedBy, DateTimeOffset FormedAt,
    IReadOnlyList<PanelMemberView> Members, IReadOnlyList<PanelChangeView> Changes, PanelResultView? Result)
{
    public static PanelView From(ExpertPanel p) => new(p.Id, p.ApplicationId, p.Status.ToString(), p.Size, p.Quorum, p.Seed, p.PoolTier, p.Pool.Count,
        p.PolicyVersion, Criteria.All.Select((c, i) => (c, i)).ToDictionary(x => x.c.Code(), x => p.Weights[x.i]), p.SupportThreshold, p.OutlierThreshold,
        p.FormedBy, p.FormedAt,
        [.. p.Members.OrderBy(m => m.JoinedAt).ThenBy(m => m.ExpertUserId, StringComparer.Ordinal).Select(m => PanelMemberView.From(m, p.Status == PanelStatus.Closed))],
        [.. p.Changes.OrderBy(c => c.At).Select(c => new PanelChangeView(c.Kind, c.ExpertUserId, c.ReplacementUserId, c.Reason, c.By, c.At))],
        p.Status == PanelStatus.Closed ? PanelResultView.From(p) : null);
}

/// <summary>A seat on the panel; scores, comment, vote and totals are null until the panel closes.</summary>
public sealed record PanelMemberView(
    string ExpertUserId, string Status, string JoinedBy, DateTimeOffset? DeclaredAt, DateTimeOffset? SubmittedAt, string? DeclineReason,
    bool ConflictDeclared, IReadOnlyDictionary<string, decimal>? Scores, string? Comment, bool? Support, decimal? Total, decimal? Deviation, bool Outlier)
{
    public static PanelMemberView From(PanelMember m, bool reveal) => new(m.ExpertUserId, m.Status.ToString(), m.JoinedBy, m.DeclaredAt, m.SubmittedAt,
        m.DeclineReason, m.ConflictDeclared, reveal ? ScoreCodes(m) : null, reveal ? m.Comment : null, reveal ? m.Support : null,
        reveal ? m.Total : null, reveal ? m.Deviation : null, reveal && m.Outlier);

    internal static Dictionary<string, decimal>? ScoreCodes(PanelMember m) => m.Scores()?.ToDictionary(s => s.Key.Code(), s => s.Value);
}

public sealed record PanelChangeView(string Kind, string? ExpertUserId, string? ReplacementUserId, string Reason, string By, DateTimeOffset At);

/// <summary>The panel's figures: every value rounded to two decimals, a half away from zero.</summary>
public sealed record PanelResultView(
    bool Supported, decimal TrimmedMean, decimal Mean, decimal Spread, int SupportVotes, int ScoresReceived,
    IReadOnlyDictionary<string, decimal> CriterionMeans, DateTimeOffset ClosedAt, string ClosedBy)
{
    public static PanelResultView From(ExpertPanel p)
    {
        var scored = p.Members.Where(m => m.Status == MemberStatus.Submitted).Select(m => m.Scores()!).ToList();
        var means = Criteria.All.ToDictionary(c => c.Code(), c => scored.Count == 0 ? 0m : Scores.Round(scored.Average(s => s[c])));
        return new(p.Supported ?? false, p.TrimmedMean ?? 0, p.Mean ?? 0, p.Spread ?? 0, p.SupportVotes ?? 0, p.ScoresReceived ?? 0, means,
            p.ClosedAt!.Value, p.ClosedBy!);
    }
}

/// <summary>An open panel and the experts it waits on (operators' query).</summary>
public sealed record WaitingPanelView(Guid PanelId, Guid ApplicationId, DateTimeOffset FormedAt, int Submitted, int Seated, int Quorum,
    IReadOnlyList<string> AwaitingDeclaration, IReadOnlyList<string> AwaitingScore);
