namespace Zgc.Monitoring.Contracts;

/// <summary>
/// Fraud was found (R-A15-FRAUD): the unit may never apply again (R-A15-DEBARRED). Intake keeps its debarment list
/// from these events.
/// </summary>
public sealed record UnitDebarred(
    string UnitUscc,
    string UnitName,
    string Reason,
    string DecisionReference,
    string DecidedBy,
    DateTimeOffset DebarredAt,
    Guid? ApplicationId = null);
