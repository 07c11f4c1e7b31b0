namespace Zgc.Funding.Contracts;

/// <summary>Fraud confirmed (R-A15-FRAUD): the agreement is terminated and everything paid is receivable.</summary>
public sealed record ClawbackRaised(
    Guid ApplicationId,
    Guid AgreementId,
    long ReceivableFen,
    string Reason,
    DateTimeOffset RaisedAt);
