using Zgc.SharedKernel;

namespace Zgc.Intake.Domain;

/// <summary>An application for an innovation platform, from submission to the sub-park's recommendation.</summary>
public sealed class Application
{
    public const int MaxPlatformNameLength = 200;

    private Application()
    {
    }

    public Guid Id { get; private set; }

    public string UnitUscc { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public string PlatformName { get; private set; } = "";

    public IndustryField IndustryField { get; private set; } = IndustryField.Other;

    public SubPark SubPark { get; private set; } = SubPark.Haidian;

    public Money TotalInvestment { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? RecommendedBy { get; private set; }

    public string? RecommendationOpinion { get; private set; }

    public DateTimeOffset? RecommendedAt { get; private set; }

    public static Application Submit(Guid id, string unitUscc, string unitName, string platformName, IndustryField field, SubPark subPark,
        Money totalInvestment, string submittedBy, DateTimeOffset now)
    {
        Require(!string.IsNullOrWhiteSpace(unitName), "unitName", "R-A13-APPLY", "The unit name is required.", "单位名称不能为空。");
        Require(!string.IsNullOrWhiteSpace(platformName) && platformName.Trim().Length <= MaxPlatformNameLength, "platformName", "R-A13-APPLY",
            $"The platform name is required and at most {MaxPlatformNameLength} characters.", $"平台名称不能为空，且不超过{MaxPlatformNameLength}个字符。");
        Require(totalInvestment.Fen > 0, "totalInvestmentFen", "R-A13-APPLY",
            "The total investment must be a positive amount in fen.", "总投资额必须为正数（单位：分）。");

        return new Application
        {
            Id = id,
            UnitUscc = unitUscc,
            UnitName = unitName.Trim(),
            PlatformName = platformName.Trim(),
            IndustryField = field,
            SubPark = subPark,
            TotalInvestment = totalInvestment,
            Status = ApplicationStatus.Submitted,
            SubmittedBy = submittedBy,
            SubmittedAt = now,
        };
    }

    /// <summary>
    /// Art. 13: the sub-park where the applicant operates reviews it and recommends the best to the committee.
    /// Only that sub-park's officer may, and only once.
    /// </summary>
    public void Recommend(SubPark officerSubPark, string officer, string? opinion, DateTimeOffset now)
    {
        if (officerSubPark != SubPark)
        {
            throw new RuleViolationException("subPark", "R-A13-SUBPARK",
                $"Only an officer of sub-park '{SubPark}' may recommend this application.",
                $"只有{SubPark.ZhName}的工作人员可以推荐该申请。", RuleViolationException.ConflictStatus);
        }

        if (Status != ApplicationStatus.Submitted)
        {
            throw new RuleViolationException("status", "R-A13-SUBPARK",
                $"The application is {Status}; only a submitted application can be recommended.",
                "只有已提交的申请可以推荐。", RuleViolationException.ConflictStatus);
        }

        Status = ApplicationStatus.Recommended;
        RecommendedBy = officer;
        RecommendationOpinion = opinion?.Trim();
        RecommendedAt = now;
    }

    private static void Require(bool condition, string field, string rule, string en, string zh)
    {
        if (!condition)
        {
            throw new RuleViolationException(field, rule, en, zh);
        }
    }
}
