namespace Zgc.Monitoring.Domain.Management;

public enum FraudCaseStatus
{
    Opened,
    Investigating,
    Confirmed,
    Dismissed,
}

public enum FraudCaseSource
{
    Objection,
    Audit,
    Report,
}

/// <summary>
/// A suspicion of fraud (弄虚作假, R-A15-FRAUD): opened from an objection, an audit or a report, investigated, then
/// confirmed with evidence (which revokes the platform, claws back funds and debars the unit, R-A15-DEBARRED) or dismissed.
/// </summary>
public sealed class FraudCase
{
    public const string Rule = "R-A15-FRAUD";

    private FraudCase()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public FraudCaseSource Source { get; private set; }

    /// <summary>Where the suspicion came from: objection receipt number, audit report number, letter reference.</summary>
    public string? SourceReference { get; private set; }

    public string Allegation { get; private set; } = "";

    public FraudCaseStatus Status { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public string? InvestigatedBy { get; private set; }

    public DateTimeOffset? InvestigationStartedAt { get; private set; }

    /// <summary>References to the evidence (documents, audit findings); text is enough, attachments live elsewhere.</summary>
    public string? Evidence { get; private set; }

    public string? Finding { get; private set; }

    public string? DecisionReference { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public static FraudCase Open(Guid applicationId, string? unitUscc, string? unitName, FraudCaseSource source, string? sourceReference,
        string? allegation, string by, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            UnitUscc = Rules.Text(unitUscc, "unitUscc", Rule, 18, "统一社会信用代码"),
            UnitName = Rules.Text(unitName, "unitName", Rule, 200, "单位名称"),
            Source = source,
            SourceReference = Rules.OptionalText(sourceReference, "sourceReference", Rule, 200, "线索来源编号"),
            Allegation = Rules.Text(allegation, "allegation", Rule, 4000, "涉嫌弄虚作假的情况"),
            Status = FraudCaseStatus.Opened,
            OpenedBy = by,
            OpenedAt = now,
        };

    public void Investigate(string by, DateTimeOffset now)
    {
        if (Status != FraudCaseStatus.Opened)
        {
            throw Rules.Conflict(Rule, Status.ToString(), "Only an opened case can be taken into investigation.", "只有新立的案件可以开始调查。");
        }

        Status = FraudCaseStatus.Investigating;
        InvestigatedBy = by;
        InvestigationStartedAt = now;
    }

    public void Confirm(string? evidence, string? finding, string? decisionReference, string by, DateTimeOffset now)
    {
        EnsureInvestigating();
        Evidence = Rules.Text(evidence, "evidence", Rule, 4000, "证据");
        Finding = Rules.Text(finding, "finding", Rule, 4000, "认定结论");
        DecisionReference = Rules.Text(decisionReference, "decisionReference", Rule, 200, "决定文号");
        Decide(FraudCaseStatus.Confirmed, by, now);
    }

    public void Dismiss(string? finding, string by, DateTimeOffset now)
    {
        EnsureInvestigating();
        Finding = Rules.Text(finding, "finding", Rule, 4000, "调查结论");
        Decide(FraudCaseStatus.Dismissed, by, now);
    }

    private void EnsureInvestigating()
    {
        if (Status != FraudCaseStatus.Investigating)
        {
            throw Rules.Conflict(Rule, Status.ToString(), "Only a case under investigation can be decided.", "只有调查中的案件可以作出认定。");
        }
    }

    private void Decide(FraudCaseStatus status, string by, DateTimeOffset now)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
    }
}
