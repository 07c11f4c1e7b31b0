namespace Zgc.Monitoring.Contracts;

/// <summary>
/// Fraud was confirmed for a platform (R-A15-FRAUD): funding terminates the agreement and claws back what was paid,
/// the lifecycle is revoked. The unit's debarment follows as <see cref="UnitDebarred"/>.
/// </summary>
public sealed record FraudConfirmed(
    Guid ApplicationId,
    string UnitUscc,
    string UnitName,
    string Reason,
    string DecisionReference,
    string DecidedBy,
    DateTimeOffset ConfirmedAt);
