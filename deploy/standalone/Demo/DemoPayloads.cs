using System.Text.Json.Nodes;
using Zgc.SharedKernel;

namespace Zgc.Standalone.Demo;

/// <summary>Request bodies built from the plan: the unit profile, the application, the annual report's indicators.</summary>
internal static class DemoPayloads
{
    public static JsonObject Unit(DemoUnit unit) => new()
    {
        ["name"] = unit.Name,
        ["leadUnitType"] = unit.LeadUnitType,
        ["qualification"] = unit.Qualification,
        ["legalPersonStatus"] = "independent-legal-person",
        ["governance"] = new JsonObject
        {
            ["body"] = unit.GovernanceBody,
            ["legalPersonResponsibility"] = true,
            ["talentRules"] = true,
            ["intellectualPropertyRules"] = true,
            ["fundingRules"] = true,
        },
        ["contacts"] = new JsonArray(new JsonObject
        {
            ["name"] = unit.ContactName, ["role"] = "项目联系人", ["phone"] = unit.ContactPhone, ["email"] = $"contact{unit.Index + 1}@demo.example.cn",
        }),
    };

    /// <summary>The application as first written; <paramref name="applyingOn"/> dates its schedule.</summary>
    public static JsonObject Application(DemoApplication a, DateOnly applyingOn)
    {
        var field = IndustryField.Parse(a.Field);
        var subArea = IndustryField.ParseSubArea(a.Field, a.SubArea);
        var enterprises = new JsonArray();
        foreach (var e in a.Enterprises)
        {
            enterprises.Add(new JsonObject { ["name"] = e.Name, ["uscc"] = e.Uscc, ["relation"] = e.Relation });
        }

        var funding = new JsonArray(
            new JsonObject { ["category"] = "equipment-materials", ["amountFen"] = a.EquipmentFen },
            new JsonObject { ["category"] = "personnel", ["amountFen"] = a.PersonnelFen });
        if (a.CooperativeRdFen > 0)
        {
            funding.Add(new JsonObject { ["category"] = "cooperative-rd", ["amountFen"] = a.CooperativeRdFen });
        }

        if (a.LandFen > 0)
        {
            funding.Add(new JsonObject { ["category"] = "land", ["amountFen"] = a.LandFen });
        }

        if (a.ConstructionFen > 0)
        {
            funding.Add(new JsonObject { ["category"] = "construction-installation", ["amountFen"] = a.ConstructionFen });
        }

        return new JsonObject
        {
            ["platformName"] = a.PlatformName,
            ["industryField"] = a.Field,
            ["subArea"] = a.SubArea,
            ["subPark"] = a.SubPark,
            ["basicInformation"] = $"{a.Unit.Name}长期深耕{field.ZhName}领域，在{subArea.ZhName}方向形成了较强的研发和产业化能力。",
            ["necessity"] = $"补齐{SubPark.Parse(a.SubPark).ZhName}{subArea.ZhName}产业链关键环节，服务区域高精尖产业发展。",
            ["goals"] = new JsonObject
            {
                ["innovationGoals"] = $"建成国内领先的{subArea.ZhName}协同创新平台。",
                ["coreTechnologyTasks"] = new JsonArray($"{subArea.ZhName}关键共性技术攻关", "标准体系与测试验证能力建设"),
                ["stageTargets"] = new JsonArray(
                    new JsonObject { ["stage"] = "第一年", ["indicator"] = "发明专利申请", ["targetValue"] = 20, ["unit"] = "件", ["dueOn"] = DemoApi.Date(applyingOn.AddYears(1)) },
                    new JsonObject { ["stage"] = "第三年", ["indicator"] = "服务企业", ["targetValue"] = 50, ["unit"] = "家", ["dueOn"] = DemoApi.Date(applyingOn.AddYears(3)) }),
            },
            ["constructionContent"] = "建设研发设计、测试验证、中试孵化和人才培养四大功能板块。",
            ["foundation"] = new JsonObject
            {
                ["existingWork"] = "已建成平台一期，开放共享大型仪器设备。",
                ["facilities"] = new JsonArray(
                    new JsonObject { ["kind"] = "laboratory", ["description"] = "专业实验室2000平方米" },
                    new JsonObject { ["kind"] = "testing-equipment", ["description"] = "测试验证设备40台（套）" }),
            },
            ["schedule"] = new JsonArray(
                new JsonObject { ["dueOn"] = DemoApi.Date(applyingOn.AddMonths(15)), ["description"] = "一期建成投入运行" },
                new JsonObject { ["dueOn"] = DemoApi.Date(applyingOn.AddMonths(36)), ["description"] = "全面建成并通过验收" }),
            ["team"] = new JsonObject
            {
                ["leader"] = new JsonObject { ["name"] = a.LeaderName, ["title"] = a.LeaderTitle, ["position"] = "平台负责人" },
                ["fullTimeStaff"] = a.FullTimeStaff,
                ["members"] = new JsonArray(new JsonObject { ["name"] = a.Unit.ContactName, ["role"] = "技术总监", ["fullTime"] = true }),
            },
            ["funding"] = funding,
            ["integratedEnterprises"] = enterprises,
            ["construction"] = new JsonObject { ["status"] = "under-construction", ["actualInvestmentToDateFen"] = a.EquipmentFen / 4 },
        };
    }

    public static object Submit() => new { commitmentVersion = Zgc.Intake.Domain.TruthfulnessCommitment.CurrentVersion, commitmentAccepted = true };

    /// <summary>
    /// The indicators of construction year <paramref name="year"/>: every Art. 8 check holds against an average R&amp;D
    /// intensity of 6.5 % (intensity 7–10 % rising 1.5 points a year, SMEs driven rising, their revenue growing 20 % a year,
    /// enterprises served on course for 50) — unless <paramref name="weak"/>, when R&amp;D falls to 4 %.
    /// </summary>
    public static object Indicators(DemoApplication a, int year, bool weak)
    {
        var basisPoints = weak ? 400 : a.RdBasisPoints + (150 * (year - 1));
        var driven = year switch { 1 => a.DrivenRevenueFen, 2 => a.DrivenRevenueFen * 6 / 5, _ => a.DrivenRevenueFen * 36 / 25 };
        var selfRaised = a.SelfRaisedFen[year - 1];
        var equipment = selfRaised * 2 / 3;
        return new
        {
            rdExpenditure = a.RevenueFen * basisPoints / 10_000,
            revenue = a.RevenueFen,
            smesDriven = a.SmesDriven + (3 * (year - 1)),
            drivenSmeRevenue = driven,
            enterprisesServed = a.EnterprisesServed * year,
            inventionPatentsFiled = 6 * year,
            inventionPatentsGranted = 2 * year,
            standardsCreated = year - 1,
            majorBreakthroughs = year == 3 ? 1 : 0,
            outputValue = a.RevenueFen * 3,
            talent = $"引进领军人才{year}名，培养工程师{10 + (5 * year)}名",
            events = $"举办行业论坛{year}次、项目对接会{2 * year}次",
            investments = new object[]
            {
                new { category = "equipment-materials", total = equipment * 3 / 2, selfRaised = equipment },
                new { category = "personnel", total = selfRaised - equipment, selfRaised = selfRaised - equipment },
            },
            targets = new object[] { new { name = "发明专利申请", target = 20, achieved = 6 * year } },
        };
    }
}
