using System.Text.Json.Nodes;

namespace Zgc.Testing;

/// <summary>
/// Request bodies for the intake service that pass every check: a registered unit that meets Art. 7 (一), and a
/// complete application that meets every Art. 7 rule. Tests change one value to prove one rule.
/// </summary>
public static class IntakePayloads
{
    /// <summary>The version of the truthfulness commitment the intake service currently asks for.</summary>
    public const string CommitmentVersion = "2019-09-18.1";

    /// <summary>A valid USCC for the default applicant (check character computed per GB 32100-2015).</summary>
    public static string DefaultUnit { get; } = WithCheckCharacter("91110108MA01ABCD1");

    /// <summary>A second valid unit, for "another unit" tests.</summary>
    public static string OtherUnit { get; } = WithCheckCharacter("91110105MA02EFGH3");

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Appends the GB 32100-2015 check character to 17 characters of the code set.</summary>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return first17 + Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The n-th made-up but valid enterprise code (n from 0 to 99,999).</summary>
    public static string EnterpriseUscc(int n) => WithCheckCharacter($"911101087{n:D5}XYW");

    /// <summary>The body of <c>PUT /intake/units/mine</c> for a leading enterprise that is an independent legal person.</summary>
    public static JsonObject Unit(string name = "北京示例科技有限公司") => new()
    {
        ["name"] = name,
        ["leadUnitType"] = "leading-enterprise",
        ["qualification"] = "high-market-share",
        ["legalPersonStatus"] = "independent-legal-person",
        ["governance"] = new JsonObject
        {
            ["body"] = "board",
            ["legalPersonResponsibility"] = true,
            ["talentRules"] = true,
            ["intellectualPropertyRules"] = true,
            ["fundingRules"] = true,
        },
        ["contacts"] = new JsonArray(new JsonObject { ["name"] = "张三", ["role"] = "项目联系人", ["phone"] = "010-12345678", ["email"] = "zhang@example.cn" }),
    };

    /// <summary>
    /// The body of <c>POST /intake/applications</c>: complete, in <paramref name="industryField"/> with enough integrated
    /// enterprises for it, CNY 55,000,000 total investment (of which CNY 45,000,000 support base), 12 full-time staff,
    /// under construction with investment made.
    /// </summary>
    public static JsonObject Application(string subPark = "haidian", string industryField = "next-generation-it", string subArea = "integrated-circuits",
        string platformName = "集成电路协同创新平台", int? enterprises = null)
    {
        var count = enterprises ?? (industryField == "next-generation-it" ? 30 : 10);
        var list = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            list.Add(new JsonObject { ["name"] = $"协同企业{i + 1}", ["uscc"] = EnterpriseUscc(i), ["relation"] = (i % 3) switch { 0 => "upstream", 1 => "downstream", _ => "service" } });
        }

        return new JsonObject
        {
            ["platformName"] = platformName,
            ["industryField"] = industryField,
            ["subArea"] = subArea,
            ["subPark"] = subPark,
            ["basicInformation"] = "单位成立于2010年，主营集成电路设计服务。",
            ["necessity"] = "弥补区域产业链短板。",
            ["goals"] = new JsonObject
            {
                ["innovationGoals"] = "建成国内领先的设计服务平台。",
                ["coreTechnologyTasks"] = new JsonArray("高端EDA工具链攻关", "先进工艺IP核开发"),
                ["stageTargets"] = new JsonArray(new JsonObject
                {
                    ["stage"] = "第一年", ["indicator"] = "发明专利申请", ["targetValue"] = 20, ["unit"] = "件", ["dueOn"] = "2027-12-31",
                }),
            },
            ["constructionContent"] = "建设设计服务、测试验证和人才培养三大功能板块。",
            ["foundation"] = new JsonObject
            {
                ["existingWork"] = "已建成EDA云平台一期。",
                ["facilities"] = new JsonArray(new JsonObject { ["kind"] = "testing-equipment", ["description"] = "芯片测试验证实验室1200平方米" }),
            },
            ["schedule"] = new JsonArray(new JsonObject { ["dueOn"] = "2027-06-30", ["description"] = "一期建成投入运行" }),
            ["team"] = new JsonObject
            {
                ["leader"] = new JsonObject { ["name"] = "李四", ["title"] = "academician", ["position"] = "首席科学家" },
                ["fullTimeStaff"] = 12,
                ["members"] = new JsonArray(new JsonObject { ["name"] = "王五", ["role"] = "技术总监", ["fullTime"] = true }),
            },
            ["funding"] = new JsonArray(
                new JsonObject { ["category"] = "equipment-materials", ["amountFen"] = 30_000_000_00L },
                new JsonObject { ["category"] = "personnel", ["amountFen"] = 15_000_000_00L },
                new JsonObject { ["category"] = "land", ["amountFen"] = 5_000_000_00L },
                new JsonObject { ["category"] = "construction-installation", ["amountFen"] = 5_000_000_00L }),
            ["integratedEnterprises"] = list,
            ["construction"] = new JsonObject { ["status"] = "under-construction", ["actualInvestmentToDateFen"] = 8_000_000_00L },
        };
    }

    /// <summary>The body of <c>POST /intake/applications/{id}/submit</c>: the applicant makes the truthfulness commitment.</summary>
    public static JsonObject Submit() => new() { ["commitmentVersion"] = CommitmentVersion, ["commitmentAccepted"] = true };
}
