namespace Zgc.Review.Domain;

/// <summary>Where a recommended application stands in review (Art. 13 (二)–(三)).</summary>
public enum ReviewStage
{
    /// <summary>Recommended by the sub-park; waiting for the committee to form an expert panel.</summary>
    UnderReview,

    /// <summary>A panel is formed; experts declare and score (R-A13-EXPERT).</summary>
    ExpertReview,

    /// <summary>The panel supports it; it goes to (or waits for) a director office meeting's agenda (R-A13-MEETING).</summary>
    Supported,

    /// <summary>The panel does not support it; it is not put to the meeting (专家论证意见为不支持).</summary>
    NotSupported,

    Approved,
    Rejected,
}
