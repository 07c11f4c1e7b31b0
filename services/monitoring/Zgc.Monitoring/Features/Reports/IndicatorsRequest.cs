using Zgc.Monitoring.Domain;
using Zgc.Monitoring.Domain.Reports;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features.Reports;

/// <summary>
/// An annual report's indicators as the unit enters them; amounts are whole fen (integers) on the wire. Every figure is
/// required (0 when there is nothing to report), so that a forgotten field is a 400 naming it rather than a silent zero.
/// </summary>
public sealed record IndicatorsRequest(
    Money? RdExpenditure,
    Money? Revenue,
    int? SmesDriven,
    Money? DrivenSmeRevenue,
    int? EnterprisesServed,
    int? InventionPatentsFiled,
    int? InventionPatentsGranted,
    int? StandardsCreated,
    int? MajorBreakthroughs,
    Money? OutputValue,
    string? Talent,
    string? Events,
    IReadOnlyList<InvestmentRequest>? Investments,
    IReadOnlyList<TargetRequest>? Targets)
{
    public AnnualIndicators ToDomain() => new()
    {
        RdExpenditure = Required(RdExpenditure, "rdExpenditure"),
        Revenue = Required(Revenue, "revenue"),
        SmesDriven = Required(SmesDriven, "smesDriven"),
        DrivenSmeRevenue = Required(DrivenSmeRevenue, "drivenSmeRevenue"),
        EnterprisesServed = Required(EnterprisesServed, "enterprisesServed"),
        InventionPatentsFiled = Required(InventionPatentsFiled, "inventionPatentsFiled"),
        InventionPatentsGranted = Required(InventionPatentsGranted, "inventionPatentsGranted"),
        StandardsCreated = Required(StandardsCreated, "standardsCreated"),
        MajorBreakthroughs = Required(MajorBreakthroughs, "majorBreakthroughs"),
        OutputValue = Required(OutputValue, "outputValue"),
        Talent = Talent ?? "",
        Events = Events ?? "",
        Investments = [.. (Investments ?? []).Select((i, n) => new InvestmentLine
        {
            Category = i.Category ?? "",
            Total = Required(i.Total, $"investments[{n}].total"),
            SelfRaised = Required(i.SelfRaised, $"investments[{n}].selfRaised"),
        })],
        Targets = [.. (Targets ?? []).Select((t, n) => new TargetLine
        {
            Name = t.Name ?? "",
            Target = Required(t.Target, $"targets[{n}].target"),
            Achieved = Required(t.Achieved, $"targets[{n}].achieved"),
        })],
    };

    private static T Required<T>(T? value, string field) where T : struct => value ??
        throw Rules.Invalid(field, AnnualIndicators.Rule, $"Give {field} (0 when there is nothing to report).", $"请填写{field}（没有则填0）。");
}

public sealed record InvestmentRequest(string? Category, Money? Total, Money? SelfRaised);

/// <summary>An agreement target (R-A13-AGREEMENT) with what was achieved by the end of the year.</summary>
public sealed record TargetRequest(string? Name, long? Target, long? Achieved);
