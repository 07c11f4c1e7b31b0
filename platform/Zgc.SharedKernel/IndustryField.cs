using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Zgc.SharedKernel;

/// <summary>
/// The industry fields of Art. 4 (R-A4-FIELDS): the five key fields of ZGC, (一)–(五), and "other fields", (六),
/// each with the sub-areas the article names. Codes and sub-area codes are stable; Chinese names follow Art. 4.
/// </summary>
[JsonConverter(typeof(TaxonomyJsonConverter<IndustryField>))]
public sealed class IndustryField : TaxonomyCode<IndustryField>, ITaxonomy<IndustryField>
{
    /// <summary>The input field name used in errors about the field.</summary>
    public const string FieldName = "industryField";

    /// <summary>The input field name used in errors about the sub-area.</summary>
    public const string SubAreaFieldName = "subArea";

    /// <summary>The requirement that defines fields and sub-areas.</summary>
    public const string Rule = "R-A4-FIELDS";

    private IndustryField(string code, string zhName, string enName, int minimumIntegratedEnterprises, IReadOnlyList<(string Code, string ZhName, string EnName)> subAreas)
        : base(code, zhName, enName)
    {
        MinimumIntegratedEnterprises = minimumIntegratedEnterprises;
        SubAreas = [.. subAreas.Select(s => new SubArea(s.Code, s.ZhName, s.EnName, code))];
    }

    /// <summary>The sub-areas Art. 4 names for this field, in the article's order.</summary>
    public IReadOnlyList<SubArea> SubAreas { get; }

    /// <summary>
    /// How many upstream/downstream or service enterprises the platform must already have integrated (Art. 7 (三),
    /// R-A7-INTEGRATION): at least 30 in next-generation IT, at least 10 in the other key fields.
    /// </summary>
    /// <remarks>
    /// "以上" in the Measures includes the number itself, so these are minimums (≥). Art. 7 (三) gives 30 for
    /// 新一代信息技术 only and 10 for "生物健康、高端装备与先进制造、新材料、新能源与节能环保等领域"; it names no figure
    /// for the "other fields" of Art. 4 (六). We read the closing "等领域" (and such fields) as extending the
    /// threshold of 10 to every field other than next-generation IT, "other" included: the stricter 30 is
    /// singled out for one field only, and no reading of the text exempts a field from integration altogether.
    /// </remarks>
    public int MinimumIntegratedEnterprises { get; }

    /// <summary>One of the five key fields of Art. 4 (一)–(五), rather than "other fields" (六).</summary>
    public bool IsKeyField => !Equals(Other);

    /// <summary>Art. 4 (一) 新一代信息技术.</summary>
    public static IndustryField NextGenerationIt { get; } = new("next-generation-it", "新一代信息技术", "Next-generation information technology", 30,
    [
        ("ai", "人工智能", "Artificial intelligence (open-source foundation software and core algorithms)"),
        ("integrated-circuits", "集成电路", "Integrated circuits (design services)"),
        ("big-data-cloud", "大数据和云计算", "Big data and cloud computing"),
        ("eda", "电子设计自动化（EDA）", "Electronic design automation (EDA)"),
        ("5g", "第五代移动通信技术", "5G mobile communication (R&D, testing and applications)"),
        ("industry-big-data", "重点行业大数据开放应用", "Open big data for key industries"),
        ("autonomous-driving", "自动驾驶技术开源开放与测试应用", "Autonomous driving (open source and testing)"),
        ("navigation-location", "导航与位置运营服务", "Navigation and location services"),
        ("quantum-communication", "量子通信", "Quantum communication"),
        ("operating-systems", "新一代操作系统", "New-generation operating systems"),
    ]);

    /// <summary>Art. 4 (二) 生物健康.</summary>
    public static IndustryField BioHealth { get; } = new("bio-health", "生物健康", "Bio-health", 10,
    [
        ("pilot-biopharma", "千升以上规模的生物药中试服务", "Biopharmaceutical pilot-scale services (1000 L and above)"),
        ("high-end-formulations", "高端制剂", "High-end formulations"),
        ("cro", "医药合同研发机构（CRO）", "Contract research organisation (CRO)"),
        ("cdmo", "合同定制研发生产服务机构（CDMO）", "Contract development and manufacturing organisation (CDMO)"),
        ("cmo", "代工生产服务（CMO）", "Contract manufacturing organisation (CMO)"),
        ("medical-device-engineering", "医疗器械工程化", "Medical-device engineering"),
        ("medical-transformation-centre", "中关村医学成果转化中心", "ZGC medical achievement transformation centre"),
    ]);

    /// <summary>Art. 4 (三) 高端装备与先进制造.</summary>
    public static IndustryField AdvancedManufacturing { get; } = new("advanced-manufacturing", "高端装备与先进制造", "High-end equipment and advanced manufacturing", 10,
    [
        ("industrial-design-simulation", "自动化工业设计与仿真服务", "Automated industrial design and simulation services"),
        ("robot-core-parts", "工业机器人核心部件", "Industrial-robot core components"),
        ("cnc-systems", "精密机床高端数控系统", "High-end CNC systems for precision machine tools"),
        ("drones", "无人机共性技术及应用", "Drones (common technologies and applications)"),
        ("commercial-aerospace", "商用航天关键技术与核心组件", "Commercial aerospace (key technologies and core components)"),
        ("additive-manufacturing", "增材制造（3D打印）", "Additive manufacturing (3D printing)"),
        ("micro-nano-manufacturing", "微纳制造", "Micro-nano manufacturing"),
    ]);

    /// <summary>Art. 4 (四) 新材料.</summary>
    public static IndustryField NewMaterials { get; } = new("new-materials", "新材料", "New materials", 10,
    [
        ("third-gen-semiconductors", "第三代半导体材料", "Third-generation semiconductor materials"),
        ("graphene", "石墨烯", "Graphene"),
        ("nano-materials", "纳米材料", "Nano-materials"),
        ("flexible-display-materials", "柔性显示材料", "Flexible display materials"),
    ]);

    /// <summary>Art. 4 (五) 新能源与节能环保.</summary>
    public static IndustryField NewEnergy { get; } = new("new-energy", "新能源与节能环保", "New energy, energy saving and environmental protection", 10,
    [
        ("hydrogen-fuel-cells", "氢能及燃料电池", "Hydrogen energy and fuel cells"),
        ("smart-energy-monitoring", "智慧能源监测管理", "Smart energy monitoring and management"),
        ("air-pollution-control", "大气污染预警与智能防控", "Air-pollution warning and smart control"),
    ]);

    /// <summary>Art. 4 (六) 其他领域. Integration minimum: see <see cref="MinimumIntegratedEnterprises"/>.</summary>
    public static IndustryField Other { get; } = new("other", "其他领域", "Other fields", 10,
    [
        ("bio-agriculture-breeding", "生物农业育种", "Bio-agriculture breeding"),
        ("modern-horticulture", "现代园艺", "Modern horticulture"),
        ("st-services", "科技服务", "Science and technology services"),
    ]);

    /// <summary>The six fields in the order of Art. 4.</summary>
    public static IReadOnlyList<IndustryField> All { get; } = [NextGenerationIt, BioHealth, AdvancedManufacturing, NewMaterials, NewEnergy, Other];

    /// <summary>Every sub-area of every field.</summary>
    public static IReadOnlyList<SubArea> AllSubAreas { get; } = [.. All.SelectMany(field => field.SubAreas)];

    /// <exception cref="TaxonomyException">The code is not an industry field.</exception>
    public static IndustryField Parse(string? code) =>
        Find(All, code) ?? throw Unknown(FieldName, Rule, code, All, "industry field", "产业领域");

    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out IndustryField? entry) =>
        (entry = Find(All, code)) is not null;

    /// <summary>
    /// The sub-area <paramref name="subAreaCode"/> of the field <paramref name="fieldCode"/>. A sub-area must
    /// belong to the chosen field: "ai" under bio-health is refused, naming the field it does belong to.
    /// </summary>
    /// <exception cref="TaxonomyException">
    /// The field is unknown (field <c>industryField</c>), or the sub-area is unknown or belongs to another field (field <c>subArea</c>).
    /// </exception>
    public static SubArea ParseSubArea(string? fieldCode, string? subAreaCode)
    {
        var field = Parse(fieldCode);
        var trimmed = subAreaCode?.Trim();
        var match = field.SubAreas.FirstOrDefault(s => string.Equals(s.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        var valid = field.SubAreas.Select(s => (s.Code, s.ZhName)).ToList();
        var elsewhere = AllSubAreas.FirstOrDefault(s => string.Equals(s.Code, trimmed, StringComparison.OrdinalIgnoreCase));
        if (elsewhere is null)
        {
            throw TaxonomyMessages.Unknown(SubAreaFieldName, Rule, subAreaCode, valid, $"sub-area of {field.Code}", $"{field.ZhName}细分领域");
        }

        var owner = Parse(elsewhere.FieldCode);
        throw new TaxonomyException(SubAreaFieldName, Rule, subAreaCode, valid.Select(s => s.Code),
            $"'{elsewhere.Code}' is a sub-area of {owner.Code}, not of {field.Code} ({SubAreaFieldName}, rule {Rule}). Valid codes: {TaxonomyMessages.ListEn(valid)}.",
            $"“{elsewhere.Code}”属于{owner.ZhName}领域，不属于{field.ZhName}领域（{SubAreaFieldName}，规则 {Rule}）。有效代码：{TaxonomyMessages.ListZh(valid)}。");
    }

    static IndustryField IParsable<IndustryField>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<IndustryField>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out IndustryField result) =>
        TryParse(s, out result);
}
