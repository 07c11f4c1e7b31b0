namespace Zgc.Notice.Contracts;

/// <summary>The notice is public from <see cref="StartsOn"/> to the end (24:00 Beijing time) of <see cref="EndsOn"/> (R-A13-NOTICE).</summary>
public sealed record NoticePublished(
    Guid NoticeId,
    Guid ApplicationId,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateTimeOffset ClosesAt,
    DateTimeOffset PublishedAt);
