using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

public enum FundingYearStatus
{
    /// <summary>Year 2 or 3: the evaluation passed and the cap is known; the committee has not decided the award yet.</summary>
    AwaitingAward,

    /// <summary>Awarded and payable: a disbursement run may gather it.</summary>
    Due,

    /// <summary>Gathered into a disbursement run that is not finished.</summary>
    InRun,

    Paid,

    /// <summary>The previous year's evaluation did not pass (R-A10-Y23): nothing is payable.</summary>
    NotEligible,

    /// <summary>The agreement was terminated before payment (R-A15-FRAUD).</summary>
    Cancelled,
}

/// <summary>
/// One platform-year of support (construction year 1, 2 or 3 of one agreement): its cap with the explanation, the
/// award, and where it is in the disbursement process. A platform-year is paid at most once (unique payment row).
/// </summary>
public sealed class FundingYear
{
    private FundingYear()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public int ConstructionYear { get; private set; }

    public FundingYearStatus Status { get; private set; }

    public string CapRule { get; private set; } = "";

    public Money CapBase { get; private set; }

    public Money CapShare { get; private set; }

    public Money CapCeiling { get; private set; }

    public Money Cap { get; private set; }

    public string CapExplanationEn { get; private set; } = "";

    public string CapExplanationZh { get; private set; } = "";

    public Money? Award { get; private set; }

    public string? AwardedBy { get; private set; }

    public DateTimeOffset? AwardedAt { get; private set; }

    /// <summary>Since when the year is payable (signing for year 1, the passed evaluation for years 2–3).</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    public Guid? RunId { get; private set; }

    /// <summary>Optimistic concurrency token: two runs never gather the same year.</summary>
    public int Version { get; private set; }

    /// <summary>Year 1 when the agreement is signed: due at once with the agreed award (R-A10-Y1).</summary>
    public static FundingYear ForSignedAgreement(Agreement agreement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var cap = agreement.Year1Cap;
        var award = agreement.Year1Award ?? throw new InvalidOperationException("A signed agreement has a year-1 award.");
        var year = Open(agreement, 1, cap, now);
        year.Award = SupportCaps.CheckAward(award, cap);
        year.AwardedBy = "agreement";
        year.AwardedAt = now;
        year.Status = FundingYearStatus.Due;
        return year;
    }

    /// <summary>Year N+1 after the evaluation of year N (R-A10-Y23): awaiting the committee's award, or not eligible.</summary>
    public static FundingYear AfterEvaluation(Agreement agreement, int evaluatedYear, bool passed, Money acceptedSelfRaisedEligibleInvestment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var next = evaluatedYear + 1;
        if (!passed)
        {
            var none = new SupportCap(next, "R-A10-Y23", acceptedSelfRaisedEligibleInvestment, Money.Zero, agreement.Rules.CeilingFor(agreement.EspeciallyMajor),
                Money.Zero, $"Year {evaluatedYear} evaluation did not pass: no support for year {next} (R-A10-Y23).",
                $"第{evaluatedYear}年度考核评估未通过：第{next}年度不予资金支持（R-A10-Y23）。");
            var refused = Open(agreement, next, none, now);
            refused.Status = FundingYearStatus.NotEligible;
            return refused;
        }

        var cap = SupportCaps.ForLaterYear(next, acceptedSelfRaisedEligibleInvestment, agreement.EspeciallyMajor, previousEvaluationPassed: true, agreement.Rules);
        var year = Open(agreement, next, cap, now);
        year.Status = FundingYearStatus.AwaitingAward;
        return year;
    }

    /// <summary>The committee decides (or lowers) the award, never above the cap; only before a run has gathered it.</summary>
    public Money? DecideAward(Money award, string by, DateTimeOffset now)
    {
        if (Status is not (FundingYearStatus.AwaitingAward or FundingYearStatus.Due))
        {
            throw new RuleViolationException(null, "funding-year-status", $"The award of a year that is {Status} cannot be changed.",
                $"该年度资金处于{Status}状态，不能变更支持金额。", RuleViolationException.ConflictStatus);
        }

        var capped = SupportCaps.CheckAward(award, CapAsRecord());
        var previous = Award;
        Award = capped;
        AwardedBy = by;
        AwardedAt = now;
        Status = FundingYearStatus.Due;
        Version++;
        return previous;
    }

    public void GatherInto(Guid runId)
    {
        if (Status != FundingYearStatus.Due)
        {
            throw new RuleViolationException(null, "funding-year-status", $"Only a due year can be gathered; this one is {Status}.", "仅待拨付的年度可纳入拨付批次。",
                RuleViolationException.ConflictStatus);
        }

        Status = FundingYearStatus.InRun;
        RunId = runId;
        Version++;
    }

    /// <summary>A rejected line or a cancelled run gives the year back: a later run may gather it.</summary>
    public void Release()
    {
        if (Status == FundingYearStatus.InRun)
        {
            Status = FundingYearStatus.Due;
            RunId = null;
            Version++;
        }
    }

    public void MarkPaid()
    {
        if (Status != FundingYearStatus.InRun)
        {
            throw new RuleViolationException(null, "already-paid", $"This platform-year cannot be paid: it is {Status}.", "该平台年度资金不可拨付（已拨付或不在批次中）。",
                RuleViolationException.ConflictStatus);
        }

        Status = FundingYearStatus.Paid;
        Version++;
    }

    /// <summary>R-A15-FRAUD: nothing more is paid under a terminated agreement.</summary>
    public bool Cancel()
    {
        if (Status is FundingYearStatus.Paid or FundingYearStatus.NotEligible or FundingYearStatus.Cancelled)
        {
            return false;
        }

        Status = FundingYearStatus.Cancelled;
        RunId = null;
        Version++;
        return true;
    }

    public SupportCap CapAsRecord() => new(ConstructionYear, CapRule, CapBase, CapShare, CapCeiling, Cap, CapExplanationEn, CapExplanationZh);

    private static FundingYear Open(Agreement agreement, int constructionYear, SupportCap cap, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AgreementId = agreement.Id,
        ApplicationId = agreement.ApplicationId,
        ConstructionYear = constructionYear,
        CapRule = cap.Rule,
        CapBase = cap.Base,
        CapShare = cap.ThirtyPercentOfBase,
        CapCeiling = cap.Ceiling,
        Cap = cap.Amount,
        CapExplanationEn = cap.ExplanationEn,
        CapExplanationZh = cap.ExplanationZh,
        OpenedAt = now,
    };
}
