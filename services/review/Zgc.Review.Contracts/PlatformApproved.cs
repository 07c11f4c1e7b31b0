namespace Zgc.Review.Contracts;

/// <summary>The director office meeting approved the platform (R-A13-MEETING); especially major per R-A10-MAJOR.</summary>
public sealed record PlatformApproved(
    Guid ApplicationId,
    bool EspeciallyMajor,
    string DecidedBy,
    DateTimeOffset DecidedAt);
