namespace Zgc.Notice.Contracts;

/// <summary>
/// Command from the workflows service: draft the public notice of an approved platform (R-A13-NOTICE). It is
/// published by a committee officer, or at once when the notice service is configured to publish by itself.
/// The fields after <see cref="UnitName"/> were added later and may be absent (null) in older messages.
/// <see cref="WorkingDays"/> is the notice period of the lifecycle's policy version (at least 5, R-A13-NOTICE).
/// </summary>
public sealed record PublishNotice(
    Guid ApplicationId,
    string PlatformName,
    string UnitName,
    string? IndustryField = null,
    string? SubPark = null,
    string? ConstructionSummary = null,
    int? WorkingDays = null);
