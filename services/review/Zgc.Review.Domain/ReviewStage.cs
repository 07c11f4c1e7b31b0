namespace Zgc.Review.Domain;

public enum ReviewStage
{
    /// <summary>Recommended by the sub-park; experts evaluate, then the director office meeting decides.</summary>
    UnderReview,
    Approved,
    Rejected,
}
