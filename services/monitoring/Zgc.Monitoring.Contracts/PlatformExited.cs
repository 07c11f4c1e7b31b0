namespace Zgc.Monitoring.Contracts;

/// <summary>The committee ordered the platform to exit the programme (dynamic management, R-A14-EVAL).</summary>
public sealed record PlatformExited(
    Guid ApplicationId,
    string Reason,
    string DecisionReference,
    string DecidedBy,
    DateTimeOffset ExitedAt);
