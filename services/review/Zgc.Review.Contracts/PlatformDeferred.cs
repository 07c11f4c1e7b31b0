namespace Zgc.Review.Contracts;

/// <summary>The director office meeting deferred the case to a later meeting (R-A13-MEETING); it stays awaiting a decision.</summary>
/// <remarks><paramref name="NextMeetingId"/> is the meeting it was carried to, when one was already scheduled.</remarks>
public sealed record PlatformDeferred(
    Guid ApplicationId,
    Guid MeetingId,
    string Reason,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    string? MinutesReference = null,
    Guid? NextMeetingId = null);
