using Zgc.Funding.Domain;
using Zgc.SharedKernel;

namespace Zgc.Funding.Tests.Domain;

/// <summary>Domain objects in the states the tests start from.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Agreement Draft(long supportBaseFen = 40_000_000_00, bool especiallyMajor = false, string platform = "集成电路设计服务平台") =>
        Agreement.Draft(Guid.NewGuid(), Guid.NewGuid(), platform, "91110108MA01ABCD1X", "北京示例科技有限公司", "next-generation-it", "haidian", especiallyMajor,
            null, Money.FromFen(supportBaseFen * 2), Money.FromFen(supportBaseFen), Now, Now);

    public static Agreement Signed(long awardFen = 5_000_000_00, long supportBaseFen = 40_000_000_00, string platform = "集成电路设计服务平台")
    {
        var agreement = Draft(supportBaseFen, platform: platform);
        agreement.ChangeTerms(agreement.ConstructionStartsOn, agreement.Targets, Money.FromFen(awardFen), "officer", Now, null);
        agreement.Sign(AgreementParty.Committee, "officer", "王五", Now);
        agreement.Sign(AgreementParty.Unit, "applicant", "张三", Now);
        return agreement;
    }

    /// <summary>A gathered run over year 1 of each agreement.</summary>
    public static (DisbursementRun Run, List<FundingYear> Years) Run(string preparer, params Agreement[] agreements)
    {
        var run = DisbursementRun.Start(2026, preparer, Now);
        var years = agreements.Select(a => FundingYear.ForSignedAgreement(a, Now)).ToList();
        run.Expect(years.Count);
        for (var i = 0; i < years.Count; i++)
        {
            run.Gather(years[i], agreements[i]);
        }

        run.FinishGathering(Now);
        return (run, years);
    }
}
