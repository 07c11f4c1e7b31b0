using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;

namespace Zgc.Funding.Domain;

/// <summary>
/// Art. 10's figures as one agreement was drafted under them: a copy of its policy version's ratio, ceilings and
/// construction years, kept on the agreement so that a policy configured later never changes a platform's caps.
/// </summary>
public sealed record FundingRules(string PolicyVersion, int RatioPercent, Money StandardCeiling, Money EspeciallyMajorCeiling, int ConstructionYears)
{
    public static FundingRules TrialMeasures2019 { get; } = From(ProgrammePolicy.TrialMeasures2019);

    public static FundingRules From(ProgrammePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy.Version, policy.SupportRatioPercent, policy.StandardAnnualCeiling, policy.EspeciallyMajorAnnualCeiling, policy.ConstructionYears);
    }

    public Money CeilingFor(bool especiallyMajor) => especiallyMajor ? EspeciallyMajorCeiling : StandardCeiling;
}
