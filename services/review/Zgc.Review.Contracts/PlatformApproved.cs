namespace Zgc.Review.Contracts;

/// <summary>The director office meeting approved the platform (R-A13-MEETING); especially major per R-A10-MAJOR.</summary>
/// <remarks>
/// The fields after <paramref name="DecidedAt"/> were added with the meeting (defaults keep older senders valid): the
/// meeting, its minutes, and for an especially major platform the municipal decision it rests on.
/// </remarks>
public sealed record PlatformApproved(
    Guid ApplicationId,
    bool EspeciallyMajor,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    Guid? MeetingId = null,
    string? MinutesReference = null,
    string? MunicipalDecisionReference = null);
