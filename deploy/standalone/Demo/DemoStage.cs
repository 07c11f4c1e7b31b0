namespace Zgc.Standalone.Demo;

/// <summary>
/// Where a demo application stands when seeding ends. The seeder drives each application to its stage; the census reads
/// the stage back from the services' APIs, so the two can be compared.
/// </summary>
public enum DemoStage
{
    Draft,
    Ineligible,
    Submitted,
    ReturnedForCorrection,
    RejectedAtSubPark,
    Recommended,
    UnderExpertReview,
    NotSupported,
    AwaitingMeeting,
    DeferredAtMeeting,
    RejectedAtMeeting,
    InNotice,
    InNoticeWithObjection,
    NoticeFailed,
    Included,
    Year1Paid,
    Year1Pending,
    Year2Paid,
    Year2Pending,
    Year2AwaitingAward,
    Year3Paid,
    UnderRectification,
    Completed,
    Revoked,
}

/// <summary>The stages' cohorts: the programme year (from the demo start) in which an application of the stage applied.</summary>
public static class DemoStages
{
    /// <summary>0: applied at the start and three years on completed (or revoked); 1, 2: later rounds; 3: this year's round.</summary>
    public static int Cohort(DemoStage stage) => stage switch
    {
        DemoStage.Completed or DemoStage.Revoked => 0,
        DemoStage.Year3Paid or DemoStage.UnderRectification => 1,
        DemoStage.Year2Paid or DemoStage.Year2Pending or DemoStage.Year2AwaitingAward => 2,
        _ => 3,
    };

    /// <summary>Lower-case words for logs and the summary ("year-2 pending").</summary>
    public static string Label(DemoStage stage) => stage switch
    {
        DemoStage.Draft => "draft",
        DemoStage.Ineligible => "ineligible (screening failed)",
        DemoStage.Submitted => "submitted (sub-park review)",
        DemoStage.ReturnedForCorrection => "returned for correction",
        DemoStage.RejectedAtSubPark => "rejected at sub-park",
        DemoStage.Recommended => "recommended (awaiting expert panel)",
        DemoStage.UnderExpertReview => "under expert review",
        DemoStage.NotSupported => "not supported by experts",
        DemoStage.AwaitingMeeting => "awaiting director office meeting",
        DemoStage.DeferredAtMeeting => "deferred at meeting",
        DemoStage.RejectedAtMeeting => "rejected at meeting",
        DemoStage.InNotice => "in notice",
        DemoStage.InNoticeWithObjection => "in notice, objection pending",
        DemoStage.NoticeFailed => "notice failed (objection upheld)",
        DemoStage.Included => "included, agreement to sign",
        DemoStage.Year1Paid => "year 1, paid",
        DemoStage.Year1Pending => "year 1, disbursement pending",
        DemoStage.Year2Paid => "year 2, paid",
        DemoStage.Year2Pending => "year 2, disbursement pending",
        DemoStage.Year2AwaitingAward => "year 2, awaiting award",
        DemoStage.Year3Paid => "year 3, paid",
        DemoStage.UnderRectification => "year 3 unfunded, under rectification",
        DemoStage.Completed => "completed",
        DemoStage.Revoked => "revoked (fraud)",
        _ => stage.ToString(),
    };
}
