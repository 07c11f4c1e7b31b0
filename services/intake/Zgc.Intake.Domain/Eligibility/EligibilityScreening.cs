using Zgc.Intake.Domain.Content;
using Zgc.Intake.Domain.Units;
using Zgc.SharedKernel;

namespace Zgc.Intake.Domain.Eligibility;

/// <summary>
/// The basic conditions of Art. 7, evaluated on a submitted version and the unit's declared profile. Every rule is
/// evaluated (not just up to the first failure) so that the applicant sees everything to correct at once.
/// </summary>
/// <remarks>
/// Thresholds read from the Chinese text: "30家以上" / "10家以上" and "不少于10人" / "不少于5000万元" include the number
/// itself (≥); "一年内新建成" counts a platform established on the same calendar date one year before today (Beijing)
/// as within the year, and one established a day earlier as not.
/// </remarks>
public static class EligibilityScreening
{
    /// <summary>CNY 50,000,000 (5000万元), Art. 7 (五).</summary>
    public static Money MinimumTotalInvestment { get; } = Money.FromYuan(50_000_000);

    /// <summary>Full-time staff, Art. 7 (四).</summary>
    public const int MinimumFullTimeStaff = 10;

    public static IReadOnlyList<RuleResult> Evaluate(ApplicationContent content, UnitProfile unit, DateOnly todayInBeijing)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(unit);
        return [Lead(unit), Entity(unit), Governance(unit), Facilities(content), Integration(content), Team(content), Invest(content),
            Recent(content, todayInBeijing), Goals(content)];
    }

    public static RuleResult Lead(UnitProfile unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (!LeadUnitType.TryParse(unit.LeadUnitType, out var type))
        {
            return Fail("R-A7-LEAD", "The lead unit's type is not one of Art. 5: leading enterprise, high-level research institution, research hospital.",
                "牵头建设单位类型不属于第五条所列的领军企业、高水平研究机构或研究型医院。");
        }

        var qualification = LeadQualifications.ByLeadUnitType[type.Code].FirstOrDefault(q => q.Code == unit.Qualification);
        return qualification is null
            ? Fail("R-A7-LEAD", $"A {type.EnName.ToLowerInvariant()} must declare the qualification Art. 7 (一) asks: {string.Join(" / ", LeadQualifications.ByLeadUnitType[type.Code].Select(q => q.EnName))}.",
                $"{type.ZhName}须具备第七条（一）要求的资质：{string.Join("或", LeadQualifications.ByLeadUnitType[type.Code].Select(q => q.ZhName))}。")
            : Pass("R-A7-LEAD", $"Lead unit: {type.EnName}, {qualification.EnName}.", $"牵头建设单位：{type.ZhName}，{qualification.ZhName}。");
    }

    public static RuleResult Entity(UnitProfile unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.LegalPersonStatus == LeadQualifications.IndependentLegalPerson)
        {
            return Pass("R-A7-ENTITY", "The operating entity is an independent legal person.", "运营主体为独立法人实体。");
        }

        if (unit.LegalPersonStatus == LeadQualifications.TransitionalStatus)
        {
            var t = unit.Transitional;
            var independent = t is { IndependentPeople: true, IndependentFinance: true, IndependentAssets: true };
            var plan = !string.IsNullOrWhiteSpace(t?.PlanToIncorporate);
            return independent && plan
                ? Pass("R-A7-ENTITY", "Transitional: people, finance and assets are managed relatively independently, with a plan to become a legal person.",
                    "过渡安排：已实现人、财、物相对独立的管理机制，并有向独立法人过渡的计划。")
                : Fail("R-A7-ENTITY", "A transitional operating entity needs relatively independent management of people, finance and assets, and a plan to become a legal person.",
                    "尚不具备独立法人条件的运营主体，须先实现人、财、物相对独立的管理机制，并提出向独立法人过渡的计划。");
        }

        return Fail("R-A7-ENTITY", "The operating entity must be an independent legal person, or declare the transitional arrangement.",
            "运营主体原则上应为独立法人实体，或说明过渡安排。");
    }

    public static RuleResult Governance(UnitProfile unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var g = unit.Governance;
        var body = LeadQualifications.GovernanceBodies.FirstOrDefault(b => b.Code == g?.Body);
        if (body is null)
        {
            return Fail("R-A7-GOVERNANCE", "The platform must be led by a board, a council or an expert committee.", "平台须实行董事会、理事会或专家委员会等领导下的法人负责制。");
        }

        var missingEn = new List<string>();
        var missingZh = new List<string>();
        if (!g!.LegalPersonResponsibility)
        {
            missingEn.Add("the legal-person responsibility system");
            missingZh.Add("法人负责制");
        }

        if (!g.TalentRules)
        {
            missingEn.Add("rules for attracting and training talent");
            missingZh.Add("人才引进和培养机制");
        }

        if (!g.IntellectualPropertyRules)
        {
            missingEn.Add("intellectual-property management rules");
            missingZh.Add("知识产权管理机制");
        }

        if (!g.FundingRules)
        {
            missingEn.Add("funding rules");
            missingZh.Add("资金筹措机制");
        }

        return missingEn.Count == 0
            ? Pass("R-A7-GOVERNANCE", $"Led by a {body.EnName.ToLowerInvariant()} with a legal-person responsibility system and management rules.",
                $"实行{body.ZhName}领导下的法人负责制，管理制度健全。")
            : Fail("R-A7-GOVERNANCE", $"Missing: {string.Join(", ", missingEn)}.", $"缺少：{string.Join("、", missingZh)}。");
    }

    public static RuleResult Facilities(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var facilities = content.Foundation?.Facilities?.Where(f => !string.IsNullOrWhiteSpace(f.Description)).ToList() ?? [];
        return facilities.Count > 0
            ? Pass("R-A7-FACILITIES", $"{facilities.Count} dedicated facilities declared.", $"已申报专用设施{facilities.Count}项。")
            : Fail("R-A7-FACILITIES", "No dedicated facilities for high-level R&D are declared (software and hardware, laboratories, instruments, pilot workshops, testing equipment).",
                "未申报开展高水平研发所需的专用设施（软硬件设施、实验场地、科学仪器设备、中试车间、检验检测设备等）。");
    }

    public static RuleResult Integration(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!IndustryField.TryParse(content.IndustryField, out var field))
        {
            return Fail("R-A7-INTEGRATION", "Without an industry field the number of enterprises to integrate is unknown.", "未填写产业领域，无法确定应整合的企业数量。");
        }

        var count = ContentRules.EnterpriseUsccs(content).Count;
        var minimum = field.MinimumIntegratedEnterprises;
        return count >= minimum
            ? Pass("R-A7-INTEGRATION", $"{count} upstream/downstream or service enterprises integrated; {field.EnName} requires at least {minimum}.",
                $"已整合上下游企业或服务企业{count}家，{field.ZhName}领域要求{minimum}家以上。")
            : Fail("R-A7-INTEGRATION", $"Only {count} upstream/downstream or service enterprises integrated; {field.EnName} requires at least {minimum}.",
                $"仅整合上下游企业或服务企业{count}家，{field.ZhName}领域应已整合{minimum}家以上。");
    }

    public static RuleResult Team(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var title = LeaderTitles.All.FirstOrDefault(t => t.Code == content.Team?.Leader?.Title);
        var staff = content.Team?.FullTimeStaff ?? 0;
        var topTalent = LeaderTitles.IsTopTalent(title?.Code);
        var enoughStaff = staff >= MinimumFullTimeStaff;
        if (topTalent && enoughStaff)
        {
            return Pass("R-A7-TEAM", $"Led by a {title!.EnName.ToLowerInvariant()}; {staff} full-time staff (at least {MinimumFullTimeStaff}).",
                $"由{title.ZhName}牵头建设，专职人员{staff}人（不少于{MinimumFullTimeStaff}人）。");
        }

        var en = new List<string>();
        var zh = new List<string>();
        if (!topTalent)
        {
            en.Add("the leader must be an academician, renowned expert, technology leader or senior executive");
            zh.Add("须由院士、知名专家、技术领军人才、企业高级管理人才等顶尖人才牵头");
        }

        if (!enoughStaff)
        {
            en.Add($"{staff} full-time staff, at least {MinimumFullTimeStaff} required");
            zh.Add($"专职人员{staff}人，应不少于{MinimumFullTimeStaff}人");
        }

        return Fail("R-A7-TEAM", Capitalise(string.Join("; ", en)) + ".", string.Join("；", zh) + "。");
    }

    public static RuleResult Invest(ApplicationContent content)
    {
        var total = ContentRules.Totals(content).Total;
        return total >= MinimumTotalInvestment
            ? Pass("R-A7-INVEST", $"Total investment {total}, at least {MinimumTotalInvestment}.", $"总投资额{total}，不少于5000万元。")
            : Fail("R-A7-INVEST", $"Total investment {total} is below {MinimumTotalInvestment} (CNY 50 million).", $"总投资额{total}，低于5000万元。");
    }

    public static RuleResult Recent(ApplicationContent content, DateOnly todayInBeijing)
    {
        ArgumentNullException.ThrowIfNull(content);
        var c = content.Construction;
        var invested = c?.ActualInvestmentToDateFen is > 0;
        var earliest = todayInBeijing.AddYears(-1);
        (bool Ok, string En, string Zh) status = c?.Status switch
        {
            ConstructionStatuses.UnderConstruction => (true, "under construction", "正在建设"),
            ConstructionStatuses.Built when c.EstablishedOn is { } on && on >= earliest && on <= todayInBeijing =>
                (true, $"newly built on {on:yyyy-MM-dd}, within one year", $"于{on:yyyy年M月d日}新建成，在一年内"),
            ConstructionStatuses.Built when c.EstablishedOn is { } on && on > todayInBeijing =>
                (false, $"the establishment date {on:yyyy-MM-dd} is in the future", $"建成日期{on:yyyy年M月d日}晚于今天"),
            ConstructionStatuses.Built when c.EstablishedOn is { } on =>
                (false, $"built on {on:yyyy-MM-dd}, more than one year before {todayInBeijing:yyyy-MM-dd}", $"于{on:yyyy年M月d日}建成，早于一年前（{earliest:yyyy年M月d日}）"),
            ConstructionStatuses.Built => (false, "built, but no establishment date is given", "已建成但未填写建成日期"),
            _ => (false, "neither newly built nor under construction", "既非一年内新建成也非正在建设"),
        };
        var en = status.En + (invested ? ", with actual investment made" : ", but no actual investment is reported");
        var zh = status.Zh + (invested ? "，且有实际投入" : "，但无实际投入");
        return status.Ok && invested
            ? Pass("R-A7-RECENT", Capitalise(en) + ".", zh + "。")
            : Fail("R-A7-RECENT", $"Must be newly built within one year or under construction, with actual investment: {en}.",
                $"须一年内新建成或正在建设，且有实际投入：{zh}。");
    }

    public static RuleResult Goals(ApplicationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var g = content.Goals;
        var en = new List<string>();
        var zh = new List<string>();
        if (string.IsNullOrWhiteSpace(g?.InnovationGoals))
        {
            en.Add("no innovation goals");
            zh.Add("未明确创新目标");
        }

        if (!(g?.CoreTechnologyTasks ?? []).Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            en.Add("no core-technology tasks");
            zh.Add("无具体的核心技术攻关任务");
        }

        var targets = g?.StageTargets ?? [];
        if (targets.Count == 0)
        {
            en.Add("no stage targets");
            zh.Add("无阶段发展目标");
        }
        else if (targets.Any(t => string.IsNullOrWhiteSpace(t.Indicator) || t.TargetValue is null || t.DueOn is null))
        {
            en.Add("every stage target needs an indicator, a target value and a due date to be measurable");
            zh.Add("每个阶段目标须有指标、目标值和完成日期，方可测量、可考核");
        }

        return en.Count == 0
            ? Pass("R-A7-GOALS", $"Clear goals, {g!.CoreTechnologyTasks!.Count} core-technology tasks, {targets.Count} measurable stage targets.",
                $"创新目标明确，核心技术攻关任务{g.CoreTechnologyTasks!.Count}项，可测量的阶段目标{targets.Count}项。")
            : Fail("R-A7-GOALS", Capitalise(string.Join("; ", en)) + ".", string.Join("；", zh) + "。");
    }

    private static RuleResult Pass(string rule, string en, string zh) => new(rule, true, en, zh);

    private static RuleResult Fail(string rule, string en, string zh) => new(rule, false, en, zh);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
