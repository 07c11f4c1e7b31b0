using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

/// <summary>The cost categories of platform investment named in Art. 10 (R-A10-BASE).</summary>
public enum InvestmentCategory
{
    ProductionLines,
    EquipmentAndMaterials,
    PremisesRent,
    SpaceRenovation,
    Personnel,
    OutsourcedTesting,
    CooperativeRd,
    InformationSystems,
    LoanInterest,
    Exhibitions,
    IndustryMatchmaking,

    /// <summary>土地投资: counts in total investment, not in the support base.</summary>
    Land,

    /// <summary>建安成本: counts in total investment, not in the support base.</summary>
    ConstructionInstallation,
}

/// <summary>Total investment and the support base computed from an investment breakdown by category.</summary>
public sealed record SupportBase(Money TotalInvestment, Money Base, Money Excluded)
{
    /// <summary>Art. 10: "平台涉及的土地投资和建安成本投入计入总投资额，但不参与资金支持".</summary>
    public static bool CountsInBase(InvestmentCategory category) =>
        category is not (InvestmentCategory.Land or InvestmentCategory.ConstructionInstallation);

    public static SupportBase Of(IEnumerable<KeyValuePair<InvestmentCategory, Money>> breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var total = Money.Zero;
        var eligible = Money.Zero;
        foreach (var (category, amount) in breakdown)
        {
            if (amount.IsNegative)
            {
                throw new RuleViolationException("investment", "R-A10-BASE", $"The investment in {category} cannot be negative.", "各类投资金额不能为负数。");
            }

            total += amount;
            if (CountsInBase(category))
            {
                eligible += amount;
            }
        }

        return new SupportBase(total, eligible, total - eligible);
    }
}
