using Zgc.SharedKernel;

namespace Zgc.Funding.Domain;

/// <summary>
/// The construction targets of R-A13-AGREEMENT for one year or the whole period: major technology breakthroughs,
/// invention patents, standards created, enterprises integrated or served, investment scale and output value.
/// </summary>
public sealed record TargetSet(
    int MajorBreakthroughs,
    int InventionPatents,
    int Standards,
    int EnterprisesIntegratedOrServed,
    long InvestmentScaleFen,
    long OutputValueFen)
{
    public static TargetSet None { get; } = new(0, 0, 0, 0, 0, 0);

    public TargetSet Plus(TargetSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(checked(MajorBreakthroughs + other.MajorBreakthroughs), checked(InventionPatents + other.InventionPatents),
            checked(Standards + other.Standards), checked(EnterprisesIntegratedOrServed + other.EnterprisesIntegratedOrServed),
            checked(InvestmentScaleFen + other.InvestmentScaleFen), checked(OutputValueFen + other.OutputValueFen));
    }

    internal void Check(string field)
    {
        if (MajorBreakthroughs < 0 || InventionPatents < 0 || Standards < 0 || EnterprisesIntegratedOrServed < 0 || InvestmentScaleFen < 0 ||
            OutputValueFen < 0)
        {
            throw new RuleViolationException(field, "R-A13-AGREEMENT", "Construction targets cannot be negative.", "建设目标不能为负数。");
        }
    }
}

/// <summary>The targets of each of the three construction years and of the whole period.</summary>
public sealed record AgreementTargets(TargetSet Year1, TargetSet Year2, TargetSet Year3, TargetSet Total)
{
    public static AgreementTargets None { get; } = new(TargetSet.None, TargetSet.None, TargetSet.None, TargetSet.None);

    /// <summary>Years as given; the total as given, or the sum of the years when omitted.</summary>
    public static AgreementTargets Of(TargetSet? year1, TargetSet? year2, TargetSet? year3, TargetSet? total)
    {
        var y1 = year1 ?? TargetSet.None;
        var y2 = year2 ?? TargetSet.None;
        var y3 = year3 ?? TargetSet.None;
        var targets = new AgreementTargets(y1, y2, y3, total ?? y1.Plus(y2).Plus(y3));
        targets.Check();
        return targets;
    }

    internal void Check()
    {
        Year1.Check("targets.year1");
        Year2.Check("targets.year2");
        Year3.Check("targets.year3");
        Total.Check("targets.total");
        var sum = Year1.Plus(Year2).Plus(Year3);
        // Period targets cover the years: a total below the sum of the yearly targets would contradict them.
        if (Total.MajorBreakthroughs < sum.MajorBreakthroughs || Total.InventionPatents < sum.InventionPatents || Total.Standards < sum.Standards ||
            Total.EnterprisesIntegratedOrServed < sum.EnterprisesIntegratedOrServed || Total.InvestmentScaleFen < sum.InvestmentScaleFen ||
            Total.OutputValueFen < sum.OutputValueFen)
        {
            throw new RuleViolationException("targets.total", "R-A13-AGREEMENT", "A construction-period target cannot be below the sum of its yearly targets.",
                "建设周期总目标不能低于各年度目标之和。");
        }
    }
}
