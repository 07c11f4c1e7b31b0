using Zgc.Monitoring.Domain.Reports;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Tests.Domain;

/// <summary>Builds indicators for domain tests: only what a test names differs from a plausible year.</summary>
internal static class Indicators
{
    public static AnnualIndicators Of(long rdFen = 65_000, long revenueFen = 1_000_000, int smes = 10, long drivenRevenueFen = 1_000_000, int served = 20,
        IEnumerable<InvestmentLine>? investments = null, IEnumerable<TargetLine>? targets = null) => new()
        {
            RdExpenditure = Money.FromFen(rdFen),
            Revenue = Money.FromFen(revenueFen),
            SmesDriven = smes,
            DrivenSmeRevenue = Money.FromFen(drivenRevenueFen),
            EnterprisesServed = served,
            InventionPatentsFiled = 5,
            InventionPatentsGranted = 2,
            StandardsCreated = 1,
            MajorBreakthroughs = 1,
            OutputValue = Money.FromYuan(1_000_000),
            Talent = "引进领军人才2名",
            Events = "举办国际论坛1次",
            Investments = [.. investments ?? []],
            Targets = [.. targets ?? []],
        };
}
