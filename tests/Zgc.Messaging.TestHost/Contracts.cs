namespace Zgc.Messaging.TestHost.Contracts;

/// <summary>Handled by Step1Consumer, which publishes <see cref="Step2"/> from inside its transaction.</summary>
public sealed record Step1(Guid Key);

public sealed record Step2(Guid Key);

public sealed record Ping(Guid Key, int N);

/// <summary>Published by the API through <c>IOutbox.SchedulePublish</c>: a timer that is not a state machine's.</summary>
public sealed record Wakeup(Guid Key);

public sealed record Increment(Guid CounterId);

public sealed record StartTimer(Guid CounterId, int Seconds);

public sealed record CancelTimer(Guid CounterId);

/// <summary>The counter state machine's own timeout message.</summary>
public sealed record TimerElapsed(Guid CounterId);

/// <summary>Handled by a consumer that takes <see cref="Milliseconds"/> and counts how many run at once.</summary>
public sealed record Linger(Guid Key, int Milliseconds);
