using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

public enum RunStatus
{
    /// <summary>Started; the system is gathering the due platform-years (progress: gathered / total).</summary>
    Gathering,

    /// <summary>Gathered; the preparer reviews and submits.</summary>
    Draft,

    /// <summary>Submitted; an approver (not the preparer) decides each line.</summary>
    Submitted,

    /// <summary>Every line decided; approved lines can be exported and paid.</summary>
    Approved,

    /// <summary>Every approved line is paid (or the run had none approved).</summary>
    Completed,

    Cancelled,
}

public enum LineStatus
{
    Proposed,
    Approved,
    Rejected,
    Paid,
}

/// <summary>
/// An annual disbursement run (S-OPS): a finance preparer starts it for a fiscal year, the system gathers the due
/// platform-years, the preparer submits, a different person approves or rejects each line (maker-checker), finance
/// pays the approved lines. Its total is always the sum of its lines.
/// <para>
/// The run keeps how many of its lines there are, how many are still undecided and how many are approved but unpaid, so
/// deciding or paying one line needs that line alone: a run of the whole programme has one line per platform-year, and
/// reading all of them for each of its decisions and payments made a run's work grow with the square of its size. Its
/// totals are kept the same way, so a run read without its lines (a list of runs) still shows them.
/// </para>
/// </summary>
public sealed class DisbursementRun
{
    private readonly List<DisbursementLine> _lines = [];

    private DisbursementRun()
    {
    }

    public Guid Id { get; private set; }

    public int FiscalYear { get; private set; }

    public RunStatus Status { get; private set; }

    public string PreparedBy { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public int TotalCount { get; private set; }

    public int GatheredCount { get; private set; }

    public DateTimeOffset? GatheredAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>How many lines the run has (kept as lines are gathered).</summary>
    public int LineCount { get; private set; }

    /// <summary>Lines still proposed: the run is approved when none is left.</summary>
    public int UndecidedCount { get; private set; }

    /// <summary>Lines approved and not yet paid: the run is completed when every line is decided and none is left.</summary>
    public int UnpaidCount { get; private set; }

    /// <summary>
    /// The lines loaded with the run: all of them, except where a caller loaded only the one line it decides or pays
    /// (<see cref="Decide"/> and <see cref="RecordPayment"/> need no other).
    /// </summary>
    public IReadOnlyList<DisbursementLine> Lines => _lines;

    /// <summary>The sum of the run's lines (kept as lines are gathered, like the counts).</summary>
    public Money Total { get; private set; }

    /// <summary>The sum of the lines approved (paid or not).</summary>
    public Money ApprovedTotal { get; private set; }

    /// <summary>The sum of the lines paid.</summary>
    public Money PaidTotal { get; private set; }

    public static DisbursementRun Start(int fiscalYear, string preparedBy, DateTimeOffset now)
    {
        if (fiscalYear < AnnualBudget.FirstFiscalYear || fiscalYear > 2100)
        {
            throw new RuleViolationException("fiscalYear", "budget-year", $"The fiscal year must be between {AnnualBudget.FirstFiscalYear} and 2100.",
                $"财政年度须在{AnnualBudget.FirstFiscalYear}年至2100年之间。");
        }

        return new DisbursementRun { Id = Guid.CreateVersion7(), FiscalYear = fiscalYear, Status = RunStatus.Gathering, PreparedBy = preparedBy, StartedAt = now };
    }

    /// <summary>How many platform-years the gathering will look at (for progress).</summary>
    public void Expect(int total)
    {
        TotalCount = total;
        Version++;
    }

    /// <summary>Adds the line of one due platform-year and marks the year as gathered.</summary>
    public DisbursementLine Gather(FundingYear year, Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(agreement);
        RequireStatus(RunStatus.Gathering);
        var award = year.Award ?? throw new InvalidOperationException("A due year has an award.");
        year.GatherInto(Id);
        var line = new DisbursementLine(Guid.CreateVersion7(), Id, year.Id, year.AgreementId, year.ApplicationId, agreement.PlatformName, agreement.UnitName,
            agreement.UnitUscc, agreement.IndustryField, agreement.SubPark, year.ConstructionYear, award, year.Cap);
        _lines.Add(line);
        LineCount++;
        UndecidedCount++;
        Total += line.Amount;
        return line;
    }

    public void Progress(int gathered)
    {
        GatheredCount = gathered;
        Version++;
    }

    public void FinishGathering(DateTimeOffset now)
    {
        RequireStatus(RunStatus.Gathering);
        Status = RunStatus.Draft;
        GatheredAt = now;
        GatheredCount = TotalCount;
        Version++;
    }

    /// <summary>Submits for approval; the caller has checked the budget (<see cref="BudgetShortfall"/>).</summary>
    public void Submit(string by, DateTimeOffset now)
    {
        RequireStatus(RunStatus.Draft);
        if (by != PreparedBy)
        {
            throw new RuleViolationException(null, "maker-checker", "Only the preparer who started the run submits it.", "仅发起该批次的经办人可提交。", 403);
        }

        if (LineCount == 0)
        {
            throw new RuleViolationException(null, "run-empty", "The run has no lines to submit.", "该批次没有可提交的明细。", RuleViolationException.ConflictStatus);
        }

        Status = RunStatus.Submitted;
        SubmittedAt = now;
        Version++;
    }

    /// <summary>The amount by which this run exceeds what is left of the budget (zero when it fits).</summary>
    public Money BudgetShortfall(Money budget, Money committedElsewhere)
    {
        var left = budget - committedElsewhere;
        var shortfall = Total - left;
        return shortfall.IsNegative ? Money.Zero : shortfall;
    }

    /// <summary>
    /// Maker-checker: an approver who is not the preparer decides one line. Returns the line; when it is rejected its
    /// platform-year is released by the caller.
    /// </summary>
    public DisbursementLine Decide(Guid lineId, bool approve, string approver, string? note, DateTimeOffset now)
    {
        RequireStatus(RunStatus.Submitted);
        if (approver == PreparedBy)
        {
            throw new RuleViolationException(null, "maker-checker", "The preparer of a run cannot approve it; a different person must decide each line.",
                "批次经办人不能审批本批次；每笔拨付须由另一人审批。", 403);
        }

        var line = Line(lineId);
        line.Decide(approve, approver, note, now);
        UndecidedCount--;
        if (approve)
        {
            UnpaidCount++;
            ApprovedTotal += line.Amount;
        }

        if (UndecidedCount == 0)
        {
            Status = RunStatus.Approved;
            DecidedAt = now;
            if (UnpaidCount == 0)
            {
                Status = RunStatus.Completed;
                CompletedAt = now;
            }
        }

        Version++;
        return line;
    }

    public DisbursementLine RecordPayment(Guid lineId, DateOnly paidOn, string bankReference, string by, DateTimeOffset now)
    {
        var line = Line(lineId);
        if (line.Status == LineStatus.Paid)
        {
            throw DisbursementLine.AlreadyPaid();
        }

        if (Status != RunStatus.Approved)
        {
            throw new RuleViolationException(null, "run-status", $"Payments are recorded once every line is decided; the run is {Status}.",
                $"批次全部审批完成后方可登记付款；当前状态：{Status}。", RuleViolationException.ConflictStatus);
        }

        line.Pay(paidOn, bankReference, by, now);
        UnpaidCount--;
        PaidTotal += line.Amount;
        if (UnpaidCount == 0)
        {
            Status = RunStatus.Completed;
            CompletedAt = now;
        }

        Version++;
        return line;
    }

    /// <summary>A run not yet approved can be cancelled; its years are released by the caller.</summary>
    public void Cancel(DateTimeOffset now)
    {
        if (Status is not (RunStatus.Gathering or RunStatus.Draft or RunStatus.Submitted))
        {
            throw new RuleViolationException(null, "run-status", $"A run that is {Status} cannot be cancelled.", $"处于{Status}状态的批次不能取消。",
                RuleViolationException.ConflictStatus);
        }

        Status = RunStatus.Cancelled;
        CompletedAt = now;
        Version++;
    }

    public DisbursementLine Line(Guid lineId) => _lines.SingleOrDefault(l => l.Id == lineId)
        ?? throw new RuleViolationException("lineId", "run-line", "No such line in this run.", "该批次中没有此明细。");

    private void RequireStatus(RunStatus status)
    {
        if (Status != status)
        {
            throw new RuleViolationException(null, "run-status", $"The run is {Status}; this needs {status}.", $"批次当前状态为{Status}，此操作需要{status}状态。",
                RuleViolationException.ConflictStatus);
        }
    }
}

/// <summary>One platform-year in a run, with its approved amount and, once paid, the payment (date, bank reference).</summary>
public sealed class DisbursementLine
{
    private DisbursementLine()
    {
    }

    internal DisbursementLine(Guid id, Guid runId, Guid fundingYearId, Guid agreementId, Guid applicationId, string platformName, string unitName,
        string unitUscc, string industryField, string subPark, int constructionYear, Money amount, Money cap)
    {
        Id = id;
        RunId = runId;
        FundingYearId = fundingYearId;
        AgreementId = agreementId;
        ApplicationId = applicationId;
        PlatformName = platformName;
        UnitName = unitName;
        UnitUscc = unitUscc;
        IndustryField = industryField;
        SubPark = subPark;
        ConstructionYear = constructionYear;
        Amount = amount;
        Cap = cap;
        Status = LineStatus.Proposed;
    }

    public Guid Id { get; private set; }

    public Guid RunId { get; private set; }

    public Guid FundingYearId { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string PlatformName { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string UnitUscc { get; private set; } = "";

    public string IndustryField { get; private set; } = "";

    public string SubPark { get; private set; } = "";

    public int ConstructionYear { get; private set; }

    public Money Amount { get; private set; }

    public Money Cap { get; private set; }

    public LineStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public string? BankReference { get; private set; }

    public string? PaymentRecordedBy { get; private set; }

    public DateTimeOffset? PaymentRecordedAt { get; private set; }

    internal static RuleViolationException AlreadyPaid() => new(null, "already-paid", "This line is already paid; a platform-year is never paid twice.",
        "该明细已拨付，同一平台年度不得重复拨付。", RuleViolationException.ConflictStatus);

    internal void Decide(bool approve, string by, string? note, DateTimeOffset now)
    {
        if (Status != LineStatus.Proposed)
        {
            throw new RuleViolationException(null, "line-status", $"This line is already {Status}.", "该明细已审批。", RuleViolationException.ConflictStatus);
        }

        Status = approve ? LineStatus.Approved : LineStatus.Rejected;
        DecidedBy = by;
        DecidedAt = now;
        DecisionNote = note;
    }

    internal void Pay(DateOnly paidOn, string bankReference, string by, DateTimeOffset now)
    {
        if (Status == LineStatus.Paid)
        {
            throw AlreadyPaid();
        }

        if (Status != LineStatus.Approved)
        {
            throw new RuleViolationException(null, "line-not-approved", $"Only an approved line can be paid; this one is {Status}.", "仅已审批通过的明细可拨付。",
                RuleViolationException.ConflictStatus);
        }

        if (string.IsNullOrWhiteSpace(bankReference) || bankReference.Length > 64)
        {
            throw new RuleViolationException("bankReference", "payment-reference", "A payment needs the bank reference (up to 64 characters).",
                "付款须填写银行流水号（不超过64个字符）。");
        }

        Status = LineStatus.Paid;
        PaidOn = paidOn;
        BankReference = bankReference.Trim();
        PaymentRecordedBy = by;
        PaymentRecordedAt = now;
    }
}

/// <summary>The one payment of a platform-year; the database keeps it unique per platform-year (never paid twice).</summary>
public sealed record Payment(Guid Id, Guid FundingYearId, Guid LineId, Guid RunId, Guid AgreementId, int ConstructionYear, Money Amount, DateOnly PaidOn,
    string BankReference, string RecordedBy, DateTimeOffset RecordedAt);
