namespace Zgc.Monitoring.Contracts;

/// <summary>The monitoring officer warned the platform (dynamic management, R-A14-EVAL).</summary>
public sealed record PlatformWarned(
    Guid ApplicationId,
    string Reason,
    string WarnedBy,
    DateTimeOffset WarnedAt);

/// <summary>The platform was ordered to rectify by <paramref name="Deadline"/> (Beijing date, R-A14-EVAL).</summary>
public sealed record RectificationOrdered(
    Guid ApplicationId,
    Guid OrderId,
    string Requirements,
    DateOnly Deadline,
    DateTimeOffset OrderedAt);

/// <summary>A rectification order's deadline passed without completion (R-A14-EVAL).</summary>
public sealed record RectificationOverdue(
    Guid ApplicationId,
    Guid OrderId,
    DateOnly Deadline,
    DateTimeOffset OverdueAt);
