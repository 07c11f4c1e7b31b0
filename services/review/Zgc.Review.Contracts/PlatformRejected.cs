namespace Zgc.Review.Contracts;

/// <summary>The director office meeting rejected the platform, with its reason (R-A13-MEETING).</summary>
public sealed record PlatformRejected(
    Guid ApplicationId,
    string Reason,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    Guid? MeetingId = null,
    string? MinutesReference = null);
