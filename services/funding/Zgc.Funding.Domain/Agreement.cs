using System.Text.Json;
using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

public enum AgreementStatus
{
    Draft,

    /// <summary>Signed by every party (已签署生效).</summary>
    InForce,

    Terminated,
}

public enum AgreementParty
{
    /// <summary>中关村管委会.</summary>
    Committee,

    /// <summary>牵头建设单位.</summary>
    Unit,
}

/// <summary>
/// The construction agreement of an included platform (R-A13-AGREEMENT): the parties, a three-year construction period,
/// targets per year and in total, the especially-major flag with its cap, and the approved year-1 support (≤ cap).
/// Every change of terms is a new version with its own history row; signatures name the version they signed.
/// </summary>
public sealed class Agreement
{
    public const int MaxNoteLength = 2000;

    private readonly List<AgreementRevision> _revisions = [];
    private readonly List<AgreementSignature> _signatures = [];

    private Agreement()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string PlatformName { get; private set; } = "";

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string IndustryField { get; private set; } = "";

    public string SubPark { get; private set; } = "";

    public bool EspeciallyMajor { get; private set; }

    public string? MajorDecisionReference { get; private set; }

    public Money TotalInvestment { get; private set; }

    public Money SupportBase { get; private set; }

    public DateTimeOffset IncludedAt { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    public AgreementStatus Status { get; private set; }

    /// <summary>The version of the terms (1 when drafted, +1 for every change or amendment).</summary>
    public int TermsVersion { get; private set; }

    public DateOnly ConstructionStartsOn { get; private set; }

    /// <summary>Three years from the start, inclusive.</summary>
    public DateOnly ConstructionEndsOn { get; private set; }

    public AgreementTargets Targets { get; private set; } = AgreementTargets.None;

    /// <summary>The committee's year-1 award (≤ the year-1 cap); null until decided.</summary>
    public Money? Year1Award { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    public DateTimeOffset? TerminatedAt { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<AgreementRevision> Revisions => _revisions;

    public IReadOnlyList<AgreementSignature> Signatures => _signatures;

    /// <summary>The policy version the agreement was drafted under (the lifecycle's); its figures are copied below.</summary>
    public string PolicyVersion { get; private set; } = FundingRules.TrialMeasures2019.PolicyVersion;

    public int SupportRatioPercent { get; private set; } = FundingRules.TrialMeasures2019.RatioPercent;

    public Money StandardAnnualCeiling { get; private set; } = FundingRules.TrialMeasures2019.StandardCeiling;

    public Money EspeciallyMajorAnnualCeiling { get; private set; } = FundingRules.TrialMeasures2019.EspeciallyMajorCeiling;

    public int ConstructionYears { get; private set; } = FundingRules.TrialMeasures2019.ConstructionYears;

    public FundingRules Rules => new(PolicyVersion, SupportRatioPercent, StandardAnnualCeiling, EspeciallyMajorAnnualCeiling, ConstructionYears);

    public SupportCap Year1Cap => SupportCaps.ForYearOne(SupportBase, EspeciallyMajor, Rules);

    public static Agreement Draft(Guid id, Guid applicationId, string platformName, string unitUscc, string unitName, string industryField, string subPark,
        bool especiallyMajor, string? majorDecisionReference, Money totalInvestment, Money supportBase, DateTimeOffset includedAt, DateTimeOffset now,
        FundingRules? rules = null)
    {
        rules ??= FundingRules.TrialMeasures2019;
        if (supportBase.IsNegative || totalInvestment.IsNegative)
        {
            throw new RuleViolationException("supportBaseFen", "R-A10-BASE", "Investment amounts cannot be negative.", "投资金额不能为负数。");
        }

        if (supportBase > totalInvestment)
        {
            throw new RuleViolationException("supportBaseFen", "R-A10-BASE", "The support base cannot exceed the total investment.", "支持基数不能超过总投资额。");
        }

        var agreement = new Agreement
        {
            Id = id,
            ApplicationId = applicationId,
            PlatformName = platformName,
            UnitUscc = unitUscc,
            UnitName = unitName,
            IndustryField = industryField,
            SubPark = subPark,
            EspeciallyMajor = especiallyMajor,
            MajorDecisionReference = majorDecisionReference,
            TotalInvestment = totalInvestment,
            SupportBase = supportBase,
            IncludedAt = includedAt,
            DraftedAt = now,
            Status = AgreementStatus.Draft,
            PolicyVersion = rules.PolicyVersion,
            SupportRatioPercent = rules.RatioPercent,
            StandardAnnualCeiling = rules.StandardCeiling,
            EspeciallyMajorAnnualCeiling = rules.EspeciallyMajorCeiling,
            ConstructionYears = rules.ConstructionYears,
        };
        var start = BeijingTime.DateOf(includedAt);
        agreement.Apply(start, AgreementTargets.None, null, "system", now, "drafted on inclusion / 纳入平台体系后起草");
        return agreement;
    }

    /// <summary>Changes the draft's terms: a new version; signatures of earlier versions no longer count.</summary>
    public void ChangeTerms(DateOnly startsOn, AgreementTargets targets, Money? year1Award, string by, DateTimeOffset now, string? note)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (Status != AgreementStatus.Draft)
        {
            throw Conflict("Only a draft agreement's terms can be changed; a signed agreement is amended.", "仅草拟中的协议可修改条款；已签署的协议须以补充协议变更。");
        }

        Apply(startsOn, targets, year1Award, by, now, note ?? "");
    }

    /// <summary>Amends a signed agreement's period and targets (a new version with its reason); the award is changed per year, not here.</summary>
    public void Amend(DateOnly startsOn, AgreementTargets targets, string reason, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (Status != AgreementStatus.InForce)
        {
            throw Conflict("Only a signed agreement can be amended.", "仅已签署的协议可签订补充协议。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException("reason", "agreement-amendment", "An amendment needs a reason.", "补充协议须说明理由。");
        }

        Apply(startsOn, targets, Year1Award, by, now, reason);
    }

    /// <summary>Records one party's signature of the current version; true when this completes the agreement.</summary>
    public bool Sign(AgreementParty party, string signedBy, string signerName, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Draft)
        {
            throw Conflict("The agreement is not awaiting signatures.", "该协议不处于待签署状态。");
        }

        if (Year1Award is null)
        {
            throw Conflict("Decide the year-1 support before signing.", "签署前须确定第一年度资金支持金额。");
        }

        if (_signatures.Any(s => s.Party == party && s.TermsVersion == TermsVersion))
        {
            throw Conflict($"The {party} has already signed version {TermsVersion}.", $"该方已签署第{TermsVersion}版协议。");
        }

        _signatures.Add(new AgreementSignature(Guid.CreateVersion7(), Id, party, TermsVersion, signedBy, signerName, now));
        Version++;
        if (Enum.GetValues<AgreementParty>().All(p => _signatures.Any(s => s.Party == p && s.TermsVersion == TermsVersion)))
        {
            Status = AgreementStatus.InForce;
            SignedAt = now;
            return true;
        }

        return false;
    }

    /// <summary>R-A15-FRAUD: the agreement is terminated (解除协议); terminating twice changes nothing and answers false.</summary>
    public bool Terminate(string reason, DateTimeOffset now)
    {
        if (Status == AgreementStatus.Terminated)
        {
            return false;
        }

        Status = AgreementStatus.Terminated;
        TerminatedAt = now;
        TerminationReason = reason;
        Version++;
        return true;
    }

    /// <summary>Used when the year-1 award is changed after signing (through its funding year), to keep the terms true.</summary>
    public void RecordYear1Award(Money award, string by, DateTimeOffset now, string note)
    {
        SupportCaps.CheckAward(award, Year1Cap);
        Apply(ConstructionStartsOn, Targets, award, by, now, note);
    }

    private void Apply(DateOnly startsOn, AgreementTargets targets, Money? year1Award, string by, DateTimeOffset now, string note)
    {
        if (note.Length > MaxNoteLength)
        {
            throw new RuleViolationException(Status == AgreementStatus.InForce ? "reason" : "note", "agreement-note",
                $"A note or reason is at most {MaxNoteLength} characters.", $"说明或理由不超过{MaxNoteLength}个字符。");
        }

        targets.Check();
        if (year1Award is { } award)
        {
            SupportCaps.CheckAward(award, Year1Cap, "year1AwardFen");
        }

        ConstructionStartsOn = startsOn;
        // R-A13-AGREEMENT with Art. 10's "第一年…第二至三年": a construction period of three years (the policy version's).
        ConstructionEndsOn = startsOn.AddYears(ConstructionYears).AddDays(-1);
        Targets = targets;
        Year1Award = year1Award;
        TermsVersion++;
        Version++;
        _revisions.Add(new AgreementRevision(Guid.CreateVersion7(), Id, TermsVersion, Snapshot(), by, now, note));
    }

    private string Snapshot() => JsonSerializer.Serialize(new
    {
        ConstructionStartsOn,
        ConstructionEndsOn,
        Targets,
        Year1AwardFen = Year1Award?.Fen,
        Year1CapFen = Year1Cap.Amount.Fen,
        EspeciallyMajor,
        MajorDecisionReference,
    });

    private static RuleViolationException Conflict(string en, string zh) => new(null, "agreement-status", en, zh, RuleViolationException.ConflictStatus);
}

/// <summary>One version of an agreement's terms, kept for ever (amendments never overwrite history).</summary>
public sealed record AgreementRevision(Guid Id, Guid AgreementId, int TermsVersion, string TermsJson, string ChangedBy, DateTimeOffset ChangedAt, string Note);

/// <summary>Who signed which version of the agreement for which party, and when.</summary>
public sealed record AgreementSignature(Guid Id, Guid AgreementId, AgreementParty Party, int TermsVersion, string SignedBy, string SignerName,
    DateTimeOffset SignedAt);
