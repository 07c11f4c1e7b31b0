namespace Zgc.Intake.Domain.Content;

/// <summary>
/// Everything an application carries (Art. 13 (一), R-A13-APPLY, and what Art. 7 is checked on). A draft may be
/// incomplete; a submitted version is a frozen copy of it. Codes (field, sub-area, sub-park, categories, titles)
/// are the stable kebab-case codes of the Measures' lists.
/// </summary>
public sealed record ApplicationContent
{
    public string? PlatformName { get; init; }

    /// <summary>R-A4-FIELDS code, e.g. <c>next-generation-it</c>.</summary>
    public string? IndustryField { get; init; }

    /// <summary>Sub-area code of the chosen field (R-A4-FIELDS).</summary>
    public string? SubArea { get; init; }

    /// <summary>The sub-park where the applicant actually operates (R-A6-SUBPARKS).</summary>
    public string? SubPark { get; init; }

    /// <summary>建设单位基本情况.</summary>
    public string? BasicInformation { get; init; }

    /// <summary>建设必要性.</summary>
    public string? Necessity { get; init; }

    /// <summary>建设目标 (R-A7-GOALS).</summary>
    public Goals? Goals { get; init; }

    /// <summary>建设内容.</summary>
    public string? ConstructionContent { get; init; }

    /// <summary>已开展工作基础 and the dedicated facilities (R-A7-FACILITIES).</summary>
    public Foundation? Foundation { get; init; }

    /// <summary>进度安排: dated milestones.</summary>
    public IReadOnlyList<Milestone>? Schedule { get; init; }

    /// <summary>核心团队 (R-A7-TEAM).</summary>
    public CoreTeam? Team { get; init; }

    /// <summary>资金投入 by cost category (R-A10-BASE plus land and construction-installation).</summary>
    public IReadOnlyList<FundingLine>? Funding { get; init; }

    /// <summary>Upstream, downstream or service enterprises already integrated (R-A7-INTEGRATION).</summary>
    public IReadOnlyList<IntegratedEnterprise>? IntegratedEnterprises { get; init; }

    /// <summary>Establishment, construction status and actual investment (R-A7-RECENT).</summary>
    public Construction? Construction { get; init; }
}

/// <summary>Clear innovation goals, concrete core-technology tasks and measurable stage targets (Art. 7 (五)).</summary>
public sealed record Goals
{
    public string? InnovationGoals { get; init; }

    public IReadOnlyList<string>? CoreTechnologyTasks { get; init; }

    public IReadOnlyList<StageTarget>? StageTargets { get; init; }
}

/// <summary>A target that can be measured and checked: an indicator, the value to reach and by when.</summary>
public sealed record StageTarget(string? Stage, string? Indicator, decimal? TargetValue, string? Unit, DateOnly? DueOn);

public sealed record Foundation
{
    /// <summary>The work already done (已开展工作基础).</summary>
    public string? ExistingWork { get; init; }

    /// <summary>The dedicated facilities for high-level R&amp;D (Art. 7 (二)); kinds from <see cref="FacilityKinds"/>.</summary>
    public IReadOnlyList<Facility>? Facilities { get; init; }
}

public sealed record Facility(string? Kind, string? Description);

public sealed record Milestone(DateOnly? DueOn, string? Description);

public sealed record CoreTeam
{
    public TeamLeader? Leader { get; init; }

    /// <summary>专职人员: full-time staff (at least 10, R-A7-TEAM).</summary>
    public int? FullTimeStaff { get; init; }

    public IReadOnlyList<TeamMember>? Members { get; init; }
}

/// <summary>The person leading the construction; <see cref="Title"/> is a code of <see cref="LeaderTitles"/>.</summary>
public sealed record TeamLeader(string? Name, string? Title, string? Position);

public sealed record TeamMember(string? Name, string? Role, bool FullTime);

/// <summary>An amount of planned investment in one category of <see cref="CostCategories"/>, in fen.</summary>
public sealed record FundingLine(string? Category, long AmountFen);

/// <summary>An enterprise the platform has integrated; <see cref="Relation"/> is upstream, downstream or service.</summary>
public sealed record IntegratedEnterprise(string? Name, string? Uscc, string? Relation);

public sealed record Construction
{
    /// <summary>When the platform was established (newly built); required when the status is <c>built</c>.</summary>
    public DateOnly? EstablishedOn { get; init; }

    /// <summary><c>built</c> (newly built) or <c>under-construction</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Investment actually made so far, in fen (有实际投入).</summary>
    public long? ActualInvestmentToDateFen { get; init; }
}
