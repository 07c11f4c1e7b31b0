namespace Zgc.Intake.Domain;

/// <summary>Where an application stands at intake (Art. 13 (一), R-A13-SUBPARK).</summary>
public enum ApplicationStatus
{
    /// <summary>Being written by the applicant; never submitted.</summary>
    Draft,

    /// <summary>Submitted and eligible; waiting for the sub-park to accept it.</summary>
    Submitted,

    /// <summary>Submitted but failing an Art. 7 rule; the applicant corrects and resubmits.</summary>
    Ineligible,

    /// <summary>受理: accepted by the sub-park.</summary>
    Accepted,

    /// <summary>初审: the sub-park's preliminary review is done.</summary>
    PreliminaryReviewed,

    /// <summary>Recommended to the ZGC Committee.</summary>
    Recommended,

    /// <summary>退回补正: returned for correction; the applicant corrects and resubmits.</summary>
    Returned,

    /// <summary>Rejected by the sub-park; final.</summary>
    Rejected,
}
