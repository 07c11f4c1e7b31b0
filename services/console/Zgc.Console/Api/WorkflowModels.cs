namespace Zgc.Console.Api;

/// <summary>One row of <c>GET /workflows/instances</c>.</summary>
public sealed record LifecycleInstance(
    Guid Id, string PlatformName, string UnitUscc, string SubPark, string CurrentState, string PolicyVersion,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? WaitingAlert = null);

/// <summary>
/// The instance list's filters and page (<c>GET /workflows/instances</c>): empty filters are left out; <see cref="After"/>
/// is the cursor of the page before (its <c>X-Next-Cursor</c>), null for the first page.
/// </summary>
public sealed record InstanceListQuery(string? State = null, string? SubPark = null, string? Field = null, int PageSize = 50, string? After = null,
    int? WaitingDays = null);

/// <summary>
/// One page of the instance list: its rows; the total when the service counted it exactly, or the limit it counted up to
/// when more match (<c>X-Total-Count-Exceeds</c>); and the cursor of the next page, null on the last.
/// </summary>
public sealed record InstancePage(List<LifecycleInstance> Rows, int? Total, int? TotalExceeds, string? NextCursor);

/// <summary>One step of an instance's history: the event, the states before and after, when, and the message that caused it.</summary>
public sealed record LifecycleTransition(string Event, string From, string To, DateTimeOffset At, Guid? MessageId);

/// <summary><c>GET /workflows/instances/{id}</c>: the summary's fields, a few optional details, and the transitions.</summary>
public sealed record LifecycleInstanceDetail(
    Guid Id, string PlatformName, string UnitUscc, string SubPark, string CurrentState, string PolicyVersion,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<LifecycleTransition>? Transitions,
    string? UnitName = null, string? OutcomeReason = null, string? IndustryField = null, DateTimeOffset? StateEnteredAt = null,
    string? WaitingAlert = null, Guid? NoticeId = null, DateOnly? NoticeEndsOn = null, LifecycleProgress? Progress = null,
    IReadOnlyList<InstanceTimer>? PendingTimers = null);
