namespace Zgc.Funding.Contracts;

/// <summary>Finance recorded the payment of one approved line of a disbursement run (R-A10-Y1, R-A10-Y23).</summary>
public sealed record DisbursementPaid(
    Guid ApplicationId,
    Guid AgreementId,
    Guid RunId,
    int FiscalYear,
    int ConstructionYear,
    long AmountFen,
    DateOnly PaidOn,
    string BankReference,
    string RecordedBy,
    DateTimeOffset RecordedAt);
