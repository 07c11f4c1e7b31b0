namespace Zgc.Review.Domain;

/// <summary>The requirement IDs review's errors cite (REQUIREMENTS.md).</summary>
public static class Rules
{
    /// <summary>Expert evaluation: the pool, conflicts, panels, scores and the opinion.</summary>
    public const string Expert = "R-A13-EXPERT";

    /// <summary>The director office meeting.</summary>
    public const string Meeting = "R-A13-MEETING";

    /// <summary>Especially major platforms.</summary>
    public const string Major = "R-A10-MAJOR";

    /// <summary>
    /// Segregation of duties: whoever sits (or sat) on a case's expert panel does not also act for the committee on that
    /// case — managing its panel or recording the meeting's decision on it.
    /// </summary>
    public const string SegregationOfDuties = "segregation-of-duties";
}
