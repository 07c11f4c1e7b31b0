using Zgc.Funding.Domain;
using Zgc.Funding.Domain.Forecast;
using Zgc.SharedKernel;

namespace Zgc.Funding.Tests.Forecast;

/// <summary>
/// The worked example of the forecast tests. Every agreement starts construction on 2026-03-02 (Beijing), so year 2
/// starts 2027-03-02 and year 3 2028-03-02; the forecast runs from 2027-01-01 over fiscal years 2027–2029.
/// <list type="bullet">
/// <item>Ordinary "A": base ¥40,000,000.00, year-1 award ¥5,000,000.00 due (unpaid); planned investment year 2
/// ¥12,000,000.00, year 3 ¥40,000,000.00.</item>
/// <item>Especially major "B": base ¥150,000,000.00, year 1 ¥30,000,000.00 paid; year-1 evaluation passed with accepted
/// self-raised investment ¥80,000,000.00 (year 2 awaiting award); no year-3 target.</item>
/// <item>Failed "C": base ¥20,000,000.00, year 1 paid; year-1 evaluation failed (year 2 not eligible); planned year-3
/// investment ¥3,333,333.33.</item>
/// <item>Terminated "D": base ¥40,000,000.00, year 1 due, then terminated (fraud).</item>
/// </list>
/// </summary>
internal static class ForecastExamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly From = new(2027, 1, 1);

    public static Agreement Platform(string name, long baseFen, bool especiallyMajor, string field, string subPark, long year2InvestFen, long year3InvestFen,
        long? year1AwardFen, bool sign = true)
    {
        var agreement = Agreement.Draft(Guid.NewGuid(), Guid.NewGuid(), name, "91110108MA01ABCD1X", "北京示例科技有限公司", field, subPark, especiallyMajor,
            especiallyMajor ? "市委市政府决策〔2026〕1号" : null, Money.FromFen(baseFen + 10_000_000_00), Money.FromFen(baseFen), Now, Now);
        var targets = AgreementTargets.Of(null, Invest(year2InvestFen), Invest(year3InvestFen), null);
        agreement.ChangeTerms(agreement.ConstructionStartsOn, targets, year1AwardFen is { } a ? Money.FromFen(a) : null, "officer", Now, null);
        if (sign)
        {
            agreement.Sign(AgreementParty.Committee, "officer", "王五", Now);
            agreement.Sign(AgreementParty.Unit, "applicant", "张三", Now);
        }

        return agreement;
    }

    public static FundingYear Paid(FundingYear year, Agreement agreement)
    {
        var run = DisbursementRun.Start(2026, "preparer", Now);
        run.Gather(year, agreement);
        year.MarkPaid();
        return year;
    }

    /// <summary>The four platforms A–D with their funding years, budgets 2027 ¥40 M and 2028 ¥30 M, ¥5 M already paid in 2027.</summary>
    public static ForecastInput Input()
    {
        var a = Platform("A 普通平台", 40_000_000_00, false, "next-generation-it", "haidian", 12_000_000_00, 40_000_000_00, 5_000_000_00);
        var b = Platform("B 特别重大平台", 150_000_000_00, true, "integrated-circuits", "yizhuang", 0, 0, 30_000_000_00);
        var c = Platform("C 考核未通过平台", 20_000_000_00, false, "next-generation-it", "changping", 0, 3_333_333_33, 6_000_000_00);
        var d = Platform("D 已解除平台", 40_000_000_00, false, "new-materials", "haidian", 0, 0, 5_000_000_00);
        var aYears = new List<FundingYear> { FundingYear.ForSignedAgreement(a, Now) };
        var bYears = new List<FundingYear>
        {
            Paid(FundingYear.ForSignedAgreement(b, Now), b),
            FundingYear.AfterEvaluation(b, 1, passed: true, Money.FromFen(80_000_000_00), Now),
        };
        var cYears = new List<FundingYear>
        {
            Paid(FundingYear.ForSignedAgreement(c, Now), c),
            FundingYear.AfterEvaluation(c, 1, passed: false, Money.FromFen(1_000_000_00), Now),
        };
        var dYear = FundingYear.ForSignedAgreement(d, Now);
        d.Terminate("虚报投资", Now);
        dYear.Cancel();
        return new ForecastInput(From,
            [new(a, aYears), new(b, bYears), new(c, cYears), new(d, [dYear])],
            new Dictionary<int, Money> { [2027] = Money.FromFen(40_000_000_00), [2028] = Money.FromFen(30_000_000_00) },
            new Dictionary<int, Money> { [2027] = Money.FromFen(5_000_000_00) },
            new Dictionary<Guid, int>());
    }

    private static TargetSet Invest(long fen) => new(0, 0, 0, 0, fen, 0);
}
