using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

public enum LedgerKind
{
    /// <summary>Support awarded for a platform-year (committed, not yet paid).</summary>
    Award,

    /// <summary>Money paid to the platform.</summary>
    Payment,

    /// <summary>A receivable raised for a clawback (R-A15-FRAUD).</summary>
    Clawback,

    /// <summary>Money recovered against a clawback.</summary>
    Recovery,

    /// <summary>Cancels an earlier entry of the kind it names; the only way to correct the ledger.</summary>
    Reversal,
}

/// <summary>
/// One append-only line of the funding ledger. Nothing is updated or deleted (the DbContext refuses it); a wrong
/// entry is corrected by a <see cref="LedgerKind.Reversal"/> that names it. Amounts are positive; the kind says how
/// they count. Platform, field and sub-park are copied in so reports need nothing else.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
    }

    /// <summary>Database sequence: the order entries were appended in.</summary>
    public long Sequence { get; private set; }

    public Guid Id { get; private set; }

    public LedgerKind Kind { get; private set; }

    /// <summary>For a reversal: the kind of the entry it cancels.</summary>
    public LedgerKind? ReversedKind { get; private set; }

    /// <summary>For a reversal: the entry it cancels (unique: an entry is reversed at most once).</summary>
    public Guid? ReversesEntryId { get; private set; }

    public Money Amount { get; private set; }

    public int FiscalYear { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid AgreementId { get; private set; }

    public int? ConstructionYear { get; private set; }

    public string PlatformName { get; private set; } = "";

    public string IndustryField { get; private set; } = "";

    public string SubPark { get; private set; } = "";

    /// <summary>What the entry is about: a run line, a clawback, a bank reference.</summary>
    public string Reference { get; private set; } = "";

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static LedgerEntry For(LedgerKind kind, Agreement agreement, Money amount, int fiscalYear, int? constructionYear, string reference, string by,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (kind == LedgerKind.Reversal)
        {
            throw new ArgumentException("Use Reverse for reversals.", nameof(kind));
        }

        if (amount.IsNegative)
        {
            throw new RuleViolationException("amountFen", "ledger-amount", "A ledger amount cannot be negative.", "账目金额不能为负数。");
        }

        return new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Amount = amount,
            FiscalYear = fiscalYear,
            ApplicationId = agreement.ApplicationId,
            AgreementId = agreement.Id,
            ConstructionYear = constructionYear,
            PlatformName = agreement.PlatformName,
            IndustryField = agreement.IndustryField,
            SubPark = agreement.SubPark,
            Reference = reference,
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>
    /// The correction of an entry. Payments are not reversed here: money that left the bank is corrected by a
    /// clawback and its recoveries, so that "paid" always matches the bank.
    /// </summary>
    public LedgerEntry Reverse(string reason, string by, DateTimeOffset now)
    {
        if (Kind is LedgerKind.Reversal or LedgerKind.Payment)
        {
            throw new RuleViolationException("entryId", "ledger-reversal", $"A {Kind} entry cannot be reversed.", Kind == LedgerKind.Payment
                ? "已拨付款项不能冲销，须通过追回处理。"
                : "冲销分录不能再冲销。", RuleViolationException.ConflictStatus);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            throw new RuleViolationException("reason", "ledger-reversal", "A reversal needs a reason (up to 2000 characters).", "冲销须说明理由（不超过2000个字符）。");
        }

        return new LedgerEntry
        {
            Id = Guid.CreateVersion7(),
            Kind = LedgerKind.Reversal,
            ReversedKind = Kind,
            ReversesEntryId = Id,
            Amount = Amount,
            FiscalYear = FiscalYear,
            ApplicationId = ApplicationId,
            AgreementId = AgreementId,
            ConstructionYear = ConstructionYear,
            PlatformName = PlatformName,
            IndustryField = IndustryField,
            SubPark = SubPark,
            Reference = reason.Trim(),
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>How this entry moves the total of <paramref name="kind"/>: +amount for that kind, −amount for its reversal.</summary>
    public Money EffectOn(LedgerKind kind) =>
        Kind == kind ? Amount : Kind == LedgerKind.Reversal && ReversedKind == kind ? Money.Zero - Amount : Money.Zero;
}

/// <summary>Totals of a set of ledger entries, reversals applied.</summary>
public sealed record LedgerTotals(Money Awarded, Money Paid, Money ClawedBack, Money Recovered)
{
    /// <summary>Receivable still to recover.</summary>
    public Money Outstanding => ClawedBack - Recovered;

    /// <summary>Public money still with the platform: paid, less what was recovered.</summary>
    public Money NetDisbursed => Paid - Recovered;

    public static LedgerTotals Of(IEnumerable<LedgerEntry> entries)
    {
        var list = entries as IReadOnlyCollection<LedgerEntry> ?? [.. entries];
        Money Sum(LedgerKind kind) => list.Aggregate(Money.Zero, (s, e) => s + e.EffectOn(kind));
        return new(Sum(LedgerKind.Award), Sum(LedgerKind.Payment), Sum(LedgerKind.Clawback), Sum(LedgerKind.Recovery));
    }
}
