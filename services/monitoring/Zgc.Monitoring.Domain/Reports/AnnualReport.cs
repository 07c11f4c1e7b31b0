using Zgc.SharedKernel;

namespace Zgc.Monitoring.Domain.Reports;

public enum AnnualReportStatus
{
    /// <summary>The window is open; the unit drafts the report.</summary>
    Open,

    /// <summary>The due date passed without a submission; the unit may still submit (late).</summary>
    Overdue,

    Submitted,

    Evaluated,
}

public enum Grade
{
    Excellent,
    Pass,
    Fail,
}

/// <summary>
/// The annual progress report of one construction year of one platform (R-A14-ANNUAL): opened by the workflows service
/// with a due date, drafted and submitted by the platform's unit, then evaluated by a monitoring officer (R-A14-EVAL).
/// </summary>
public sealed class AnnualReport
{
    public const string Rule = "R-A14-ANNUAL";
    public const string EvaluationRule = "R-A14-EVAL";

    private AnnualReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string UnitUscc { get; private set; } = "";

    public int ConstructionYear { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public DateOnly DueOn { get; private set; }

    public AnnualReportStatus Status { get; private set; }

    /// <summary>The draft (or, once submitted, the report's) indicators; null until the unit saves a draft.</summary>
    public AnnualIndicators? Indicators { get; private set; }

    /// <summary>
    /// <see cref="AnnualIndicators.AverageTargetAttainmentBasisPoints"/> of <see cref="Indicators"/>, kept beside the
    /// document so that the database can rank reports by it (the dashboard's platforms furthest behind their targets)
    /// without reading every report's document.
    /// </summary>
    public long? AverageTargetAttainmentBasisPoints { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset? DraftedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public bool SubmittedLate { get; private set; }

    public DateTimeOffset? OverdueAt { get; private set; }

    /// <summary>Days-before-due of the reminders already sent (e.g. "14,3"), so a redelivered timer reminds once.</summary>
    public string RemindersSent { get; private set; } = "";

    public Grade? Grade { get; private set; }

    public string? Comments { get; private set; }

    public Money? AcceptedSelfRaisedEligibleInvestment { get; private set; }

    public List<CheckResult> Checks { get; private set; } = [];

    public string? EvaluatedBy { get; private set; }

    public DateTimeOffset? EvaluatedAt { get; private set; }

    /// <summary>The due instant: 24:00 Beijing time of <see cref="DueOn"/>.</summary>
    public DateTimeOffset DueAt => BeijingTime.EndOfDay(DueOn);

    public bool Passed => Grade is Reports.Grade.Excellent or Reports.Grade.Pass;

    public static AnnualReport Open(Guid applicationId, string unitUscc, int constructionYear, DateOnly periodStart, DateOnly periodEnd, DateOnly dueOn,
        DateTimeOffset now)
    {
        if (constructionYear < 1)
        {
            throw Rules.Invalid("constructionYear", Rule, "Construction years count from 1.", "建设年度从1开始计。");
        }

        if (periodEnd < periodStart)
        {
            throw Rules.Invalid("periodEnd", Rule, "The period ends before it starts.", "报告期结束日早于开始日。");
        }

        return new AnnualReport
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            UnitUscc = unitUscc,
            ConstructionYear = constructionYear,
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            DueOn = dueOn,
            Status = AnnualReportStatus.Open,
            OpenedAt = now,
        };
    }

    public void SaveDraft(AnnualIndicators indicators, DateTimeOffset now)
    {
        EnsureWindowOpen("Only an open report can be changed.", "只有未提交的报告可以修改。");
        indicators.Validate();
        Indicators = indicators;
        AverageTargetAttainmentBasisPoints = indicators.AverageTargetAttainmentBasisPoints;
        DraftedAt = now;
    }

    /// <summary>
    /// Fills <see cref="AverageTargetAttainmentBasisPoints"/> from the stored indicators, for reports saved before it was
    /// kept; true when it changed.
    /// </summary>
    public bool RecordAverageAttainment()
    {
        var average = Indicators?.AverageTargetAttainmentBasisPoints;
        if (average == AverageTargetAttainmentBasisPoints)
        {
            return false;
        }

        AverageTargetAttainmentBasisPoints = average;
        return true;
    }

    public void Submit(string by, DateTimeOffset now)
    {
        EnsureWindowOpen("The report is already submitted.", "该报告已提交。");
        if (Indicators is null)
        {
            throw Rules.Invalid("indicators", Rule, "Save the report's indicators before submitting.", "请先填写并保存报告指标再提交。");
        }

        SubmittedLate = Status == AnnualReportStatus.Overdue;
        Status = AnnualReportStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = now;
    }

    /// <summary>The reminder timer fired: true when the unit still has to be reminded (not submitted, not yet reminded).</summary>
    public bool Remind(int daysBefore)
    {
        var sent = RemindersSent.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (Status != AnnualReportStatus.Open || sent.Contains(daysBefore.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return false;
        }

        RemindersSent = string.Join(',', sent.Append(daysBefore.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return true;
    }

    /// <summary>The due timer fired: an unsubmitted report becomes overdue (true); otherwise nothing changes.</summary>
    public bool MarkOverdue(DateTimeOffset now)
    {
        if (Status != AnnualReportStatus.Open || now < DueAt)
        {
            return false;
        }

        Status = AnnualReportStatus.Overdue;
        OverdueAt = now;
        return true;
    }

    public void Evaluate(Grade grade, string? comments, Money acceptedSelfRaisedEligibleInvestment, IReadOnlyList<CheckResult> checks, string by,
        DateTimeOffset now)
    {
        if (Status != AnnualReportStatus.Submitted)
        {
            throw Rules.Conflict(EvaluationRule, Status.ToString(), "Only a submitted report can be evaluated.", "只有已提交的报告可以考核评估。");
        }

        if (acceptedSelfRaisedEligibleInvestment.IsNegative)
        {
            throw Rules.Invalid("acceptedSelfRaisedEligibleInvestment", EvaluationRule, "The accepted investment cannot be negative.", "认定的自筹投资不能为负数。");
        }

        if (grade != Reports.Grade.Fail && checks.FirstOrDefault(c => !c.Holds) is { } failing)
        {
            throw Rules.Invalid("grade", EvaluationRule,
                $"Check '{failing.Code}' ({failing.Rule}) does not hold: grade the year 'fail' or override the check with a reason.",
                $"考核项“{failing.Code}”（{failing.Rule}）未达标：应评为不合格，或说明理由后调整该项结论。");
        }

        Grade = grade;
        Comments = Rules.OptionalText(comments, "comments", EvaluationRule, 4000, "评估意见");
        AcceptedSelfRaisedEligibleInvestment = acceptedSelfRaisedEligibleInvestment;
        Checks = [.. checks];
        EvaluatedBy = by;
        EvaluatedAt = now;
        Status = AnnualReportStatus.Evaluated;
    }

    private void EnsureWindowOpen(string en, string zh)
    {
        if (Status is not (AnnualReportStatus.Open or AnnualReportStatus.Overdue))
        {
            throw Rules.Conflict(Rule, Status.ToString(), en, zh);
        }
    }
}
