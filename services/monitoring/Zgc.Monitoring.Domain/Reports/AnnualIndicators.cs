using Zgc.SharedKernel;

namespace Zgc.Monitoring.Domain.Reports;

/// <summary>Investment made in one cost category during the year, and the self-raised part of it.</summary>
public sealed class InvestmentLine
{
    public string Category { get; set; } = "";

    public Money Total { get; set; }

    public Money SelfRaised { get; set; }
}

/// <summary>One agreement target (R-A13-AGREEMENT) and what was achieved by the end of the year.</summary>
public sealed class TargetLine
{
    public string Name { get; set; } = "";

    public long Target { get; set; }

    public long Achieved { get; set; }

    /// <summary>Attainment in basis points of the target (10000 = 100 %), rounded down.</summary>
    public long AttainmentBasisPoints => Target <= 0 ? 0 : (long)((Int128)Achieved * 10_000 / Target);
}

/// <summary>
/// The indicators of an annual report (R-A14-ANNUAL against the Art. 8 indicators): money in fen, counts as whole
/// numbers, talent and events as text. Enterprises served is cumulative since the start of construction (R-A8-SERVED).
/// </summary>
public sealed class AnnualIndicators
{
    public const string Rule = "R-A14-ANNUAL";

    public Money RdExpenditure { get; set; }

    public Money Revenue { get; set; }

    public int SmesDriven { get; set; }

    public Money DrivenSmeRevenue { get; set; }

    public int EnterprisesServed { get; set; }

    public int InventionPatentsFiled { get; set; }

    public int InventionPatentsGranted { get; set; }

    public int StandardsCreated { get; set; }

    public int MajorBreakthroughs { get; set; }

    public Money OutputValue { get; set; }

    public string Talent { get; set; } = "";

    public string Events { get; set; } = "";

    public List<InvestmentLine> Investments { get; set; } = [];

    public List<TargetLine> Targets { get; set; } = [];

    /// <summary>
    /// R&amp;D expenditure over revenue in basis points (1 bp = 0.01 %), rounded DOWN to a whole basis point; null
    /// without revenue. Rounding down keeps "≥ an average in whole basis points" exact (⌊x⌋ ≥ a ⇔ x ≥ a for integer a);
    /// the year-on-year comparison uses the exact fractions, never this rounded figure.
    /// </summary>
    public long? RdIntensityBasisPoints => Revenue.Fen <= 0 ? null : (long)((Int128)RdExpenditure.Fen * 10_000 / Revenue.Fen);

    /// <summary>The mean attainment of the agreement's targets in basis points (rounded down), null without targets.</summary>
    public long? AverageTargetAttainmentBasisPoints => Targets.Count == 0 ? null : Targets.Sum(t => t.AttainmentBasisPoints) / Targets.Count;

    public Money TotalInvestment => Investments.Aggregate(Money.Zero, (sum, line) => sum + line.Total);

    public Money SelfRaisedInvestment => Investments.Aggregate(Money.Zero, (sum, line) => sum + line.SelfRaised);

    /// <summary>Self-raised investment in the support-base categories (R-A10-BASE): what the evaluation proposes to accept.</summary>
    public Money SelfRaisedEligibleInvestment =>
        Investments.Where(l => InvestmentCategories.InSupportBase(l.Category)).Aggregate(Money.Zero, (sum, line) => sum + line.SelfRaised);

    /// <summary>Refuses negative or missing values, unknown categories and targets without a positive value.</summary>
    public void Validate()
    {
        NotNegative(RdExpenditure, "rdExpenditure");
        NotNegative(Revenue, "revenue");
        NotNegative(DrivenSmeRevenue, "drivenSmeRevenue");
        NotNegative(OutputValue, "outputValue");
        NotNegative(SmesDriven, "smesDriven");
        NotNegative(EnterprisesServed, "enterprisesServed");
        NotNegative(InventionPatentsFiled, "inventionPatentsFiled");
        NotNegative(InventionPatentsGranted, "inventionPatentsGranted");
        NotNegative(StandardsCreated, "standardsCreated");
        NotNegative(MajorBreakthroughs, "majorBreakthroughs");
        Talent = Rules.OptionalText(Talent, "talent", Rule, 4000, "人才集聚情况") ?? "";
        Events = Rules.OptionalText(Events, "events", Rule, 4000, "重大活动情况") ?? "";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Investments.Count; i++)
        {
            var line = Investments[i];
            var field = $"investments[{i}]";
            if (!InvestmentCategories.All.Contains(line.Category ?? ""))
            {
                throw Rules.Invalid(field + ".category", Rule, $"Unknown cost category '{line.Category}'.", $"未知的投资类别“{line.Category}”。");
            }

            if (!seen.Add(line.Category!))
            {
                throw Rules.Invalid(field + ".category", Rule, $"Cost category '{line.Category}' is listed twice.", $"投资类别“{line.Category}”重复填报。");
            }

            NotNegative(line.Total, field + ".total");
            NotNegative(line.SelfRaised, field + ".selfRaised");
            if (line.SelfRaised > line.Total)
            {
                throw Rules.Invalid(field + ".selfRaised", Rule, "The self-raised part cannot exceed the category's total.", "自筹资金不得超过该类别投资总额。");
            }
        }

        for (var i = 0; i < Targets.Count; i++)
        {
            var line = Targets[i];
            line.Name = Rules.Text(line.Name, $"targets[{i}].name", Rule, 200, "目标名称");
            if (line.Target <= 0)
            {
                throw Rules.Invalid($"targets[{i}].target", Rule, "A target value is a positive number.", "目标值须为正数。");
            }

            NotNegative(line.Achieved, $"targets[{i}].achieved");
        }
    }

    private static void NotNegative(Money value, string field) => NotNegative(value.Fen, field);

    private static void NotNegative(long value, string field)
    {
        if (value < 0)
        {
            throw Rules.Invalid(field, Rule, $"{field} cannot be negative.", $"{field}不能为负数。");
        }
    }
}
