using Zgc.Funding.Domain;

namespace Zgc.Funding.Features;

public sealed record CapView(int ConstructionYear, string Rule, long BaseFen, long ThirtyPercentOfBaseFen, long CeilingFen, long CapFen, string ExplanationEn,
    string ExplanationZh)
{
    public static CapView From(SupportCap cap) => new(cap.ConstructionYear, cap.Rule, cap.Base.Fen, cap.ThirtyPercentOfBase.Fen, cap.Ceiling.Fen, cap.Amount.Fen,
        cap.ExplanationEn, cap.ExplanationZh);
}

public sealed record FundingYearView(Guid Id, int ConstructionYear, string Status, CapView Cap, long? AwardFen, string? AwardedBy, DateTimeOffset? AwardedAt,
    DateTimeOffset OpenedAt, Guid? RunId)
{
    public static FundingYearView From(FundingYear y) => new(y.Id, y.ConstructionYear, y.Status.ToString(), CapView.From(y.CapAsRecord()), y.Award?.Fen,
        y.AwardedBy, y.AwardedAt, y.OpenedAt, y.RunId);
}

public sealed record AgreementSummary(Guid Id, Guid ApplicationId, string PlatformName, string UnitUscc, string UnitName, string IndustryField, string SubPark,
    string Status, bool EspeciallyMajor, int TermsVersion, long? Year1AwardFen, long Year1CapFen, DateTimeOffset? SignedAt)
{
    public static AgreementSummary From(Agreement a) => new(a.Id, a.ApplicationId, a.PlatformName, a.UnitUscc, a.UnitName, a.IndustryField, a.SubPark,
        a.Status.ToString(), a.EspeciallyMajor, a.TermsVersion, a.Year1Award?.Fen, a.Year1Cap.Amount.Fen, a.SignedAt);
}

public sealed record SignatureView(string Party, int TermsVersion, string SignedBy, string SignerName, DateTimeOffset SignedAt);

public sealed record RevisionView(int TermsVersion, string TermsJson, string ChangedBy, DateTimeOffset ChangedAt, string Note);

public sealed record AgreementView(
    Guid Id,
    Guid ApplicationId,
    string PlatformName,
    string UnitUscc,
    string UnitName,
    string IndustryField,
    string SubPark,
    string Status,
    bool EspeciallyMajor,
    string? MajorDecisionReference,
    long TotalInvestmentFen,
    long SupportBaseFen,
    DateOnly ConstructionStartsOn,
    DateOnly ConstructionEndsOn,
    AgreementTargets Targets,
    long? Year1AwardFen,
    CapView Year1Cap,
    int TermsVersion,
    DateTimeOffset DraftedAt,
    DateTimeOffset? SignedAt,
    DateTimeOffset? TerminatedAt,
    string? TerminationReason,
    List<SignatureView> Signatures,
    List<RevisionView> Revisions,
    List<FundingYearView> Years,
    PolicyFiguresView Policy)
{
    public static AgreementView From(Agreement a, IEnumerable<FundingYear> years) => new(a.Id, a.ApplicationId, a.PlatformName, a.UnitUscc, a.UnitName,
        a.IndustryField, a.SubPark, a.Status.ToString(), a.EspeciallyMajor, a.MajorDecisionReference, a.TotalInvestment.Fen, a.SupportBase.Fen,
        a.ConstructionStartsOn, a.ConstructionEndsOn, a.Targets, a.Year1Award?.Fen, CapView.From(a.Year1Cap), a.TermsVersion, a.DraftedAt, a.SignedAt,
        a.TerminatedAt, a.TerminationReason,
        [.. a.Signatures.OrderBy(s => s.SignedAt).Select(s => new SignatureView(s.Party.ToString(), s.TermsVersion, s.SignedBy, s.SignerName, s.SignedAt))],
        [.. a.Revisions.OrderBy(r => r.TermsVersion).Select(r => new RevisionView(r.TermsVersion, r.TermsJson, r.ChangedBy, r.ChangedAt, r.Note))],
        [.. years.OrderBy(y => y.ConstructionYear).Select(FundingYearView.From)],
        new PolicyFiguresView(a.PolicyVersion, a.SupportRatioPercent, a.StandardAnnualCeiling.Fen, a.EspeciallyMajorAnnualCeiling.Fen, a.ConstructionYears));
}

/// <summary>The figures of the policy version an agreement was drafted under (Art. 10 of that version).</summary>
public sealed record PolicyFiguresView(string Version, int SupportRatioPercent, long StandardAnnualCeilingFen, long EspeciallyMajorAnnualCeilingFen,
    int ConstructionYears);

public sealed record LineView(Guid Id, Guid FundingYearId, Guid AgreementId, Guid ApplicationId, string PlatformName, string UnitName, string UnitUscc,
    string IndustryField, string SubPark, int ConstructionYear, long AmountFen, long CapFen, string Status, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? DecisionNote, DateOnly? PaidOn, string? BankReference, string? PaymentRecordedBy)
{
    public static LineView From(DisbursementLine l) => new(l.Id, l.FundingYearId, l.AgreementId, l.ApplicationId, l.PlatformName, l.UnitName, l.UnitUscc,
        l.IndustryField, l.SubPark, l.ConstructionYear, l.Amount.Fen, l.Cap.Fen, l.Status.ToString(), l.DecidedBy, l.DecidedAt, l.DecisionNote, l.PaidOn,
        l.BankReference, l.PaymentRecordedBy);
}

public sealed record RunView(Guid Id, int FiscalYear, string Status, string PreparedBy, DateTimeOffset StartedAt, int GatheredCount, int TotalCount,
    long TotalFen, long ApprovedTotalFen, long PaidTotalFen, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, DateTimeOffset? CompletedAt,
    List<LineView> Lines)
{
    public static RunView From(DisbursementRun r, bool withLines = true) => new(r.Id, r.FiscalYear, r.Status.ToString(), r.PreparedBy, r.StartedAt,
        r.GatheredCount, r.TotalCount, r.Total.Fen, r.ApprovedTotal.Fen, r.PaidTotal.Fen, r.SubmittedAt, r.DecidedAt, r.CompletedAt,
        withLines ? Shown(r.Lines) : []);

    /// <summary>A run's lines as a run shows them: by platform, then construction year.</summary>
    public static List<LineView> Shown(IEnumerable<DisbursementLine> lines) =>
        [.. lines.OrderBy(l => l.PlatformName).ThenBy(l => l.ConstructionYear).Select(LineView.From)];
}

public sealed record RecoveryView(Guid Id, long AmountFen, DateOnly ReceivedOn, string Reference, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ClawbackView(Guid Id, Guid AgreementId, Guid ApplicationId, string Status, long ReceivableFen, long RecoveredFen, long OutstandingFen,
    string Reason, string DecisionReference, DateTimeOffset RaisedAt, DateTimeOffset? SettledAt, List<RecoveryView> Recoveries)
{
    public static ClawbackView From(Clawback c) => new(c.Id, c.AgreementId, c.ApplicationId, c.Status.ToString(), c.Receivable.Fen, c.Recovered.Fen,
        c.Outstanding.Fen, c.Reason, c.DecisionReference, c.RaisedAt, c.SettledAt,
        [.. c.Recoveries.OrderBy(r => r.RecordedAt).Select(r => new RecoveryView(r.Id, r.Amount.Fen, r.ReceivedOn, r.Reference, r.RecordedBy, r.RecordedAt))]);
}
