using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Units;
using Zgc.Testing;

namespace Zgc.Intake.Tests.Domain;

/// <summary>A unit and an application that meet every Art. 7 rule; tests change one thing.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static UnitProfile Unit() => new()
    {
        Name = "北京示例科技有限公司",
        LeadUnitType = "leading-enterprise",
        Qualification = "high-market-share",
        LegalPersonStatus = LeadQualifications.IndependentLegalPerson,
        Governance = new Governance("board", true, true, true, true),
        Contacts = [new Contact("张三", "联系人", "010-12345678", null)],
    };

    public static ApplicationContent Content(string field = "next-generation-it", string subArea = "integrated-circuits", int? enterprises = null) => new()
    {
        PlatformName = "集成电路协同创新平台",
        IndustryField = field,
        SubArea = subArea,
        SubPark = "haidian",
        BasicInformation = "基本情况",
        Necessity = "必要性",
        Goals = new Goals
        {
            InnovationGoals = "目标",
            CoreTechnologyTasks = ["攻关任务"],
            StageTargets = [new StageTarget("第一年", "发明专利", 20, "件", new DateOnly(2027, 12, 31))],
        },
        ConstructionContent = "建设内容",
        Foundation = new Foundation { ExistingWork = "工作基础", Facilities = [new Facility("laboratory", "实验室")] },
        Schedule = [new Milestone(new DateOnly(2027, 6, 30), "一期建成")],
        Team = new CoreTeam { Leader = new TeamLeader("李四", "academician", "首席科学家"), FullTimeStaff = 12 },
        Funding = [new FundingLine("equipment-materials", 40_000_000_00), new FundingLine("land", 20_000_000_00)],
        IntegratedEnterprises = Enterprises(enterprises ?? (field == "next-generation-it" ? 30 : 10)),
        Construction = new Construction { Status = ConstructionStatuses.UnderConstruction, ActualInvestmentToDateFen = 1_000_000_00 },
    };

    public static IReadOnlyList<IntegratedEnterprise> Enterprises(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new IntegratedEnterprise($"企业{i}", IntakePayloads.EnterpriseUscc(i), "upstream"))];
}
