namespace Zgc.Intake.Domain.Content;

/// <summary>A code of a small closed list in an application, with its Chinese and English names.</summary>
public sealed record CodeEntry(string Code, string ZhName, string EnName);

/// <summary>
/// Cost categories of the funding input. The first eleven are the support base of Art. 10 (R-A10-BASE); land and
/// construction-installation (建安) count in total investment (R-A7-INVEST) but not in the base.
/// </summary>
public static class CostCategories
{
    public const string Land = "land";
    public const string ConstructionInstallation = "construction-installation";

    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("production-lines", "生产线建设", "Production lines"),
        new("equipment-materials", "设备及材料购置", "Equipment and materials"),
        new("premises-rent", "房屋租赁", "Premises rent"),
        new("space-renovation", "空间改造", "Space renovation"),
        new("personnel", "人员费用", "Personnel"),
        new("outsourced-testing", "试验外协", "Outsourced testing"),
        new("cooperative-rd", "合作研发", "Cooperative R&D"),
        new("information-systems", "信息系统建设", "Information systems"),
        new("loan-interest", "贷款利息", "Loan interest"),
        new("exhibitions", "展览展示", "Exhibitions"),
        new("industry-matchmaking", "产业对接服务", "Industry matchmaking services"),
        new(Land, "土地投资", "Land"),
        new(ConstructionInstallation, "建安成本", "Construction and installation"),
    ];

    public static bool InSupportBase(string code) => code is not (Land or ConstructionInstallation);
}

/// <summary>Titles of the person leading the platform; the first four are the top talent of Art. 7 (四) (R-A7-TEAM).</summary>
public static class LeaderTitles
{
    public const string Other = "other";

    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("academician", "院士", "Academician"),
        new("renowned-expert", "知名专家", "Renowned expert"),
        new("technology-leader", "技术领军人才", "Technology leader"),
        new("senior-executive", "企业高级管理人才", "Senior executive"),
        new(Other, "其他", "Other"),
    ];

    public static bool IsTopTalent(string? code) => code is not null && code != Other && All.Any(t => t.Code == code);
}

/// <summary>How an integrated enterprise relates to the platform (上下游企业或服务企业).</summary>
public static class EnterpriseRelations
{
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("upstream", "上游企业", "Upstream"),
        new("downstream", "下游企业", "Downstream"),
        new("service", "服务企业", "Service"),
    ];
}

/// <summary>The dedicated facilities Art. 7 (二) names.</summary>
public static class FacilityKinds
{
    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new("software-hardware", "软硬件设施", "Software and hardware"),
        new("laboratory", "实验场地", "Laboratory space"),
        new("instruments", "科学仪器设备", "Scientific instruments"),
        new("pilot-workshop", "中试车间", "Pilot workshop"),
        new("testing-equipment", "检验检测设备", "Inspection and testing equipment"),
    ];
}

/// <summary>Construction status for R-A7-RECENT: newly built (within a year) or under construction.</summary>
public static class ConstructionStatuses
{
    public const string Built = "built";
    public const string UnderConstruction = "under-construction";

    public static IReadOnlyList<CodeEntry> All { get; } =
    [
        new(Built, "已建成", "Built"),
        new(UnderConstruction, "正在建设", "Under construction"),
    ];
}
