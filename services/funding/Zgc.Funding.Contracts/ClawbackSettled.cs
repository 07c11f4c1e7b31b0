namespace Zgc.Funding.Contracts;

/// <summary>The recoveries recorded against a clawback reached the receivable (R-A15-FRAUD).</summary>
public sealed record ClawbackSettled(
    Guid ApplicationId,
    Guid AgreementId,
    long RecoveredFen,
    DateTimeOffset SettledAt);
