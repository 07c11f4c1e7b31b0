namespace Zgc.Review.Contracts;

/// <summary>
/// The expert panel finished (every score in, or closed with a quorum) and gave its opinion (R-A13-EXPERT). Scores are
/// on a 0–100 scale with two decimals; <paramref name="Supported"/> is true when the trimmed mean reaches the support
/// threshold and a majority of the panel supports.
/// </summary>
public sealed record ExpertReviewCompleted(
    Guid ApplicationId,
    Guid PanelId,
    bool Supported,
    decimal TrimmedMeanScore,
    int SupportVotes,
    int ScoresReceived,
    int PanelSize,
    DateTimeOffset CompletedAt);
