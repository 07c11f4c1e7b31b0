using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

public enum ClawbackStatus
{
    Open,
    Settled,
}

/// <summary>
/// R-A15-FRAUD: "追回已拨付的财政资金". The receivable equals everything paid under the terminated agreement; recoveries
/// are recorded until they reach it, which settles the clawback.
/// </summary>
public sealed class Clawback
{
    private readonly List<Recovery> _recoveries = [];

    private Clawback()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Money Receivable { get; private set; }

    public Money Recovered { get; private set; }

    public ClawbackStatus Status { get; private set; }

    public string Reason { get; private set; } = "";

    public string DecisionReference { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Recovery> Recoveries => _recoveries;

    public Money Outstanding => Receivable - Recovered;

    /// <summary>A clawback of nothing (nothing was paid) is settled at once.</summary>
    public static Clawback Raise(Agreement agreement, Money paid, string reason, string decisionReference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var clawback = new Clawback
        {
            Id = Guid.CreateVersion7(),
            AgreementId = agreement.Id,
            ApplicationId = agreement.ApplicationId,
            Receivable = paid,
            Reason = reason,
            DecisionReference = decisionReference,
            RaisedAt = now,
            Status = paid.Fen == 0 ? ClawbackStatus.Settled : ClawbackStatus.Open,
            SettledAt = paid.Fen == 0 ? now : null,
        };
        return clawback;
    }

    /// <summary>Records money received back; true when it settles the clawback.</summary>
    public bool Recover(Money amount, DateOnly receivedOn, string reference, string by, DateTimeOffset now)
    {
        if (Status == ClawbackStatus.Settled)
        {
            throw new RuleViolationException(null, "clawback-status", "The clawback is already settled.", "该追回事项已结清。", RuleViolationException.ConflictStatus);
        }

        if (amount.Fen <= 0)
        {
            throw new RuleViolationException("amountFen", "R-A15-FRAUD", "A recovery must be a positive amount.", "追回金额须为正数。");
        }

        if (amount > Outstanding)
        {
            throw new RuleViolationException("amountFen", "R-A15-FRAUD", $"A recovery of {amount} is more than the {Outstanding} still outstanding.",
                $"追回金额{amount}超过尚未追回的{Outstanding}。");
        }

        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 64)
        {
            throw new RuleViolationException("reference", "R-A15-FRAUD", "A recovery needs its bank reference (up to 64 characters).", "追回须填写银行流水号（不超过64个字符）。");
        }

        _recoveries.Add(new Recovery(Guid.CreateVersion7(), Id, amount, receivedOn, reference.Trim(), by, now));
        Recovered += amount;
        Version++;
        if (Recovered == Receivable)
        {
            Status = ClawbackStatus.Settled;
            SettledAt = now;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Corrects a wrongly recorded recovery (the ledger gets the matching reversal), by someone other than who recorded
    /// it. A settled clawback is final: its settlement has been announced.
    /// </summary>
    public Recovery ReverseRecovery(Guid recoveryId, string by)
    {
        if (Status == ClawbackStatus.Settled)
        {
            throw new RuleViolationException(null, "clawback-status", "A settled clawback is not reopened.", "已结清的追回事项不能再更正。", RuleViolationException.ConflictStatus);
        }

        var recovery = _recoveries.SingleOrDefault(r => r.Id == recoveryId)
            ?? throw new RuleViolationException("recoveryId", "R-A15-FRAUD", "No such recovery in this clawback.", "该追回事项中没有此笔追回。");
        if (recovery.RecordedBy == by)
        {
            throw new RuleViolationException(null, "maker-checker", "A recovery is corrected by someone other than who recorded it.", "追回记录须由登记人以外的人员更正。", 403);
        }

        Recovered -= recovery.Amount;
        Version++;
        return recovery;
    }
}

public sealed record Recovery(Guid Id, Guid ClawbackId, Money Amount, DateOnly ReceivedOn, string Reference, string RecordedBy, DateTimeOffset RecordedAt);
