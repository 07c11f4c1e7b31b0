namespace Zgc.Intake.Contracts;

/// <summary>The sub-park rejected the application, with its reasons (R-A13-SUBPARK). The application ends here.</summary>
public sealed record ApplicationRejected(
    Guid ApplicationId,
    string SubPark,
    int Version,
    string Reasons,
    string RejectedBy,
    DateTimeOffset RejectedAt);
