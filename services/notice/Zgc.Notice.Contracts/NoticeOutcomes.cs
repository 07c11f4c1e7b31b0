namespace Zgc.Notice.Contracts;

/// <summary>The notice closed with no upheld objection: the platform is included (R-A13-NOTICE).</summary>
public sealed record NoticePassed(
    Guid NoticeId,
    Guid ApplicationId,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Reason,
    DateTimeOffset DecidedAt);

/// <summary>
/// The notice did not lead to inclusion: <see cref="Outcome"/> is <c>ObjectionUpheld</c> (an objection was upheld)
/// or <c>Withdrawn</c> (an officer withdrew it, with <see cref="Reason"/>).
/// </summary>
public sealed record NoticeFailed(
    Guid NoticeId,
    Guid ApplicationId,
    string Outcome,
    string Reason,
    DateTimeOffset DecidedAt);

/// <summary>An officer extended the notice period: it now ends on <see cref="EndsOn"/>, closing at <see cref="ClosesAt"/>.</summary>
public sealed record NoticeExtended(
    Guid NoticeId,
    Guid ApplicationId,
    DateOnly EndsOn,
    DateTimeOffset ClosesAt,
    DateTimeOffset ExtendedAt);

/// <summary>The notice service's own timer: close the notice whose period ends at <see cref="ClosesAt"/> (a due-dated outbox row).</summary>
public sealed record CloseNotice(
    Guid NoticeId,
    DateTimeOffset ClosesAt);
