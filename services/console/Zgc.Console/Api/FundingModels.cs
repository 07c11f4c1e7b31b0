namespace Zgc.Console.Api;

/// <summary>A support cap as funding computed it (amounts in fen) with how.</summary>
public sealed record SupportCapInfo(int ConstructionYear, string Rule, long BaseFen, long ThirtyPercentOfBaseFen, long CeilingFen, long CapFen, string ExplanationEn,
    string ExplanationZh);

/// <summary>One construction year of an agreement: AwaitingAward, Due, InRun, Paid… with its cap and award.</summary>
public sealed record FundingYearInfo(Guid Id, int ConstructionYear, string Status, SupportCapInfo Cap, long? AwardFen, string? AwardedBy, DateTimeOffset? AwardedAt,
    DateTimeOffset OpenedAt, Guid? RunId);

/// <summary>A row of <c>GET /funding/agreements</c>.</summary>
public sealed record AgreementRow(Guid Id, Guid ApplicationId, string PlatformName, string UnitUscc, string UnitName, string IndustryField, string SubPark,
    string Status, bool EspeciallyMajor, int TermsVersion, long? Year1AwardFen, long Year1CapFen, DateTimeOffset? SignedAt);

public sealed record AgreementSignature(string Party, int TermsVersion, string SignedBy, string SignerName, DateTimeOffset SignedAt);

public sealed record AgreementRevision(int TermsVersion, string TermsJson, string ChangedBy, DateTimeOffset ChangedAt, string Note);

public sealed record AgreementPolicy(string Version, int SupportRatioPercent, long StandardAnnualCeilingFen, long EspeciallyMajorAnnualCeilingFen, int ConstructionYears);

/// <summary><c>GET /funding/agreements/{id}</c> (the targets are kept as JSON: this page shows, not edits, them).</summary>
public sealed record AgreementDetail(
    Guid Id, Guid ApplicationId, string PlatformName, string UnitUscc, string UnitName, string IndustryField, string SubPark, string Status, bool EspeciallyMajor,
    string? MajorDecisionReference, long TotalInvestmentFen, long SupportBaseFen, DateOnly ConstructionStartsOn, DateOnly ConstructionEndsOn,
    System.Text.Json.JsonElement Targets, long? Year1AwardFen, SupportCapInfo Year1Cap, int TermsVersion, DateTimeOffset DraftedAt, DateTimeOffset? SignedAt,
    DateTimeOffset? TerminatedAt, string? TerminationReason, List<AgreementSignature> Signatures, List<AgreementRevision> Revisions, List<FundingYearInfo> Years,
    AgreementPolicy Policy);

/// <summary><c>PUT /funding/agreements/{id}/terms</c>: the year-1 award (fen) and the construction start; targets are left as they are.</summary>
public sealed record AgreementTermsRequest(DateOnly? ConstructionStartsOn, long? Year1AwardFen, string? Note);

/// <summary><c>POST /funding/agreements/{id}/signatures</c>.</summary>
public sealed record AgreementSignRequest(string Party, string? SignerName);

/// <summary><c>POST /funding/agreements/{id}/years/{year}/award</c>.</summary>
public sealed record YearAwardRequest(long AmountFen, string? Note);

/// <summary>A fiscal year's budget.</summary>
public sealed record BudgetRow(int FiscalYear, long AmountFen, string Amount, string SetBy, DateTimeOffset SetAt);

public sealed record BudgetRequest(long AmountFen);

public sealed record StartRunRequest(int FiscalYear);

/// <summary>One platform-year in a run: Proposed, Approved, Rejected or Paid.</summary>
public sealed record RunLine(Guid Id, Guid FundingYearId, Guid AgreementId, Guid ApplicationId, string PlatformName, string UnitName, string UnitUscc,
    string IndustryField, string SubPark, int ConstructionYear, long AmountFen, long CapFen, string Status, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? DecisionNote, DateOnly? PaidOn, string? BankReference, string? PaymentRecordedBy);

/// <summary>A disbursement run: Gathering (GatheredCount of TotalCount), Draft, Submitted, Approved, Completed or Cancelled.</summary>
public sealed record RunInfo(Guid Id, int FiscalYear, string Status, string PreparedBy, DateTimeOffset StartedAt, int GatheredCount, int TotalCount, long TotalFen,
    long ApprovedTotalFen, long PaidTotalFen, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, DateTimeOffset? CompletedAt, List<RunLine> Lines);

public sealed record LineDecisionRequest(bool Approve, string? Note);

public sealed record PaymentRequest(DateOnly PaidOn, string BankReference);

public sealed record LineDecisionEntry(Guid LineId, bool Approve, string? Note);

public sealed record LineDecisionsRequest(List<LineDecisionEntry> Decisions);

public sealed record LinePaymentEntry(Guid LineId, DateOnly PaidOn, string BankReference);

public sealed record LinePaymentsRequest(List<LinePaymentEntry> Payments);

/// <summary>What a batch of decisions or payments changed: the run (without its lines) and the batch's lines.</summary>
public sealed record RunBatch(RunInfo Run, List<RunLine> Lines);
