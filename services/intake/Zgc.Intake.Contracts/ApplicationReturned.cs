namespace Zgc.Intake.Contracts;

/// <summary>
/// The sub-park returned the application for correction (R-A13-SUBPARK); the applicant corrects it and resubmits,
/// which publishes <see cref="ApplicationSubmitted"/> again with the next version.
/// </summary>
public sealed record ApplicationReturned(
    Guid ApplicationId,
    string SubPark,
    int Version,
    string Reasons,
    string ReturnedBy,
    DateTimeOffset ReturnedAt);
