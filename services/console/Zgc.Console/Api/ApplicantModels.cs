namespace Zgc.Console.Api;

// What the applicant's pages send to and read from the intake, funding and monitoring services (JSON web defaults,
// camelCase; statuses as strings). The "My" prefix keeps these apart from other areas' records of the same services.

/// <summary>The unit's profile as <c>PUT /intake/units/mine</c> takes it (R-A13-APPLY, Art. 7 (一)).</summary>
public sealed record MyUnitProfile(
    string? Name,
    string? LeadUnitType,
    string? Qualification,
    string? LegalPersonStatus,
    MyTransitional? Transitional,
    MyGovernance? Governance,
    IReadOnlyList<MyContact>? Contacts);

public sealed record MyTransitional(bool IndependentPeople, bool IndependentFinance, bool IndependentAssets, string? PlanToIncorporate);

public sealed record MyGovernance(string? Body, bool LegalPersonResponsibility, bool TalentRules, bool IntellectualPropertyRules, bool FundingRules);

public sealed record MyContact(string? Name, string? Role, string? Phone, string? Email);

/// <summary>The unit as intake keeps it (<c>GET /intake/units/mine</c>).</summary>
public sealed record MyUnit(string Uscc, string Name, string? LeadUnitType, MyUnitProfile Profile, string RegisteredBy, DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt);

/// <summary>The content of an application (<c>POST /intake/applications</c>, <c>PUT /intake/applications/{id}</c>); amounts in fen.</summary>
public sealed record MyApplicationContent
{
    public string? PlatformName { get; init; }

    public string? IndustryField { get; init; }

    public string? SubArea { get; init; }

    public string? SubPark { get; init; }

    public string? BasicInformation { get; init; }

    public string? Necessity { get; init; }

    public MyGoals? Goals { get; init; }

    public string? ConstructionContent { get; init; }

    public MyFoundation? Foundation { get; init; }

    public IReadOnlyList<MyMilestone>? Schedule { get; init; }

    public MyTeam? Team { get; init; }

    public IReadOnlyList<MyFundingLine>? Funding { get; init; }

    public IReadOnlyList<MyEnterprise>? IntegratedEnterprises { get; init; }

    public MyConstruction? Construction { get; init; }
}

public sealed record MyGoals(string? InnovationGoals, IReadOnlyList<string>? CoreTechnologyTasks, IReadOnlyList<MyStageTarget>? StageTargets);

public sealed record MyStageTarget(string? Stage, string? Indicator, decimal? TargetValue, string? Unit, DateOnly? DueOn);

public sealed record MyFoundation(string? ExistingWork, IReadOnlyList<MyFacility>? Facilities);

public sealed record MyFacility(string? Kind, string? Description);

public sealed record MyMilestone(DateOnly? DueOn, string? Description);

public sealed record MyTeam(MyTeamLeader? Leader, int? FullTimeStaff, IReadOnlyList<MyTeamMember>? Members);

public sealed record MyTeamLeader(string? Name, string? Title, string? Position);

public sealed record MyTeamMember(string? Name, string? Role, bool FullTime);

public sealed record MyFundingLine(string? Category, long AmountFen);

public sealed record MyEnterprise(string? Name, string? Uscc, string? Relation);

public sealed record MyConstruction(DateOnly? EstablishedOn, string? Status, long? ActualInvestmentToDateFen);

/// <summary>One Art. 7 rule of the screening: pass or fail and why, in both languages.</summary>
public sealed record MyRuleResult(string Rule, bool Passed, string ReasonEn, string ReasonZh);

public sealed record MyApplicationEvent(DateTimeOffset At, string By, string Action, int Version, string? Note);

/// <summary>One application as intake shows it to its own unit (with the working copy in <see cref="Draft"/>).</summary>
public sealed record MyApplication(
    Guid Id,
    string UnitUscc,
    string UnitName,
    string PlatformName,
    string? IndustryField,
    string? SubArea,
    string? SubPark,
    long TotalInvestmentFen,
    long SupportBaseFen,
    string Status,
    int CurrentVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    bool? Eligible,
    IReadOnlyList<MyRuleResult>? Screening,
    string? DecisionReasons,
    MyApplicationContent? Draft,
    IReadOnlyList<MyApplicationEvent>? History);

/// <summary>One line of <c>GET /intake/applications</c>.</summary>
public sealed record MyApplicationSummary(Guid Id, string PlatformName, string? IndustryField, string? SubPark, long TotalInvestmentFen, string Status,
    int CurrentVersion, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt);

public sealed record MyApplicationPage(IReadOnlyList<MyApplicationSummary> Items, int PageNumber, int PageSize, int Total);

/// <summary>The truthfulness commitment the applicant makes on submission (R-A15-TRUTH), <c>GET /intake/commitment</c>.</summary>
public sealed record MyCommitment(string Version, string TextZh, string TextEn);

public sealed record MySubmitRequest(string? CommitmentVersion, bool CommitmentAccepted);

/// <summary>One submitted version (<c>GET /intake/applications/{id}/versions</c>).</summary>
public sealed record MyVersionSummary(int Number, string SubmittedBy, DateTimeOffset SubmittedAt, bool Eligible, long TotalInvestmentFen, long SupportBaseFen,
    string CommitmentVersion);

/// <summary>One line of <c>GET /funding/agreements</c> (an applicant sees its own unit's only).</summary>
public sealed record MyAgreementSummary(Guid Id, Guid ApplicationId, string PlatformName, string Status, int TermsVersion, long? Year1AwardFen, long Year1CapFen,
    DateTimeOffset? SignedAt);

public sealed record MyCap(int ConstructionYear, string Rule, long BaseFen, long ThirtyPercentOfBaseFen, long CeilingFen, long CapFen, string ExplanationEn,
    string ExplanationZh);

public sealed record MyFundingYear(Guid Id, int ConstructionYear, string Status, MyCap Cap, long? AwardFen, DateTimeOffset? AwardedAt, DateTimeOffset OpenedAt);

public sealed record MySignature(string Party, int TermsVersion, string SignedBy, string SignerName, DateTimeOffset SignedAt);

public sealed record MyTargetSet(int MajorBreakthroughs, int InventionPatents, int Standards, int EnterprisesIntegratedOrServed, long InvestmentScaleFen,
    long OutputValueFen);

public sealed record MyTargets(MyTargetSet Year1, MyTargetSet Year2, MyTargetSet Year3, MyTargetSet Total);

public sealed record MyPolicyFigures(string Version, int SupportRatioPercent, long StandardAnnualCeilingFen, long EspeciallyMajorAnnualCeilingFen,
    int ConstructionYears);

/// <summary>One agreement as funding shows it (<c>GET /funding/agreements/{id}</c>).</summary>
public sealed record MyAgreement(
    Guid Id,
    Guid ApplicationId,
    string PlatformName,
    string UnitUscc,
    string UnitName,
    string Status,
    bool EspeciallyMajor,
    long TotalInvestmentFen,
    long SupportBaseFen,
    DateOnly ConstructionStartsOn,
    DateOnly ConstructionEndsOn,
    MyTargets Targets,
    long? Year1AwardFen,
    MyCap Year1Cap,
    int TermsVersion,
    DateTimeOffset DraftedAt,
    DateTimeOffset? SignedAt,
    DateTimeOffset? TerminatedAt,
    string? TerminationReason,
    IReadOnlyList<MySignature> Signatures,
    IReadOnlyList<MyFundingYear> Years,
    MyPolicyFigures Policy);

public sealed record MySignRequest(string Party, string? SignerName);

/// <summary>One annual report window of the unit (<c>GET /monitoring/reports</c>).</summary>
public sealed record MyAnnualReport(Guid Id, Guid ApplicationId, int ConstructionYear, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueOn, string Status,
    DateTimeOffset? SubmittedAt);
