namespace Zgc.Intake.Domain.Units;

/// <summary>
/// What a lead construction unit (牵头建设单位) declares about itself: its type (R-A5-LEADTYPES) and the
/// qualification Art. 7 (一) asks of that type, the operating entity's legal-person status or transitional
/// arrangement (R-A7-ENTITY), its governance (R-A7-GOVERNANCE) and its contacts.
/// </summary>
public sealed record UnitProfile
{
    public string? Name { get; init; }

    /// <summary>R-A5-LEADTYPES code.</summary>
    public string? LeadUnitType { get; init; }

    /// <summary>A code of <see cref="LeadQualifications"/> matching the type.</summary>
    public string? Qualification { get; init; }

    /// <summary><c>independent-legal-person</c> or <c>transitional</c>.</summary>
    public string? LegalPersonStatus { get; init; }

    /// <summary>Required when the status is transitional.</summary>
    public TransitionalArrangement? Transitional { get; init; }

    public Governance? Governance { get; init; }

    public IReadOnlyList<Contact>? Contacts { get; init; }
}

/// <summary>Relatively independent management of people, finance and assets, and the plan towards a legal person.</summary>
public sealed record TransitionalArrangement(bool IndependentPeople, bool IndependentFinance, bool IndependentAssets, string? PlanToIncorporate);

/// <summary>
/// The body leading the platform (board, council or expert committee), the legal-person responsibility system,
/// and the management rules for talent, intellectual property and funding (Art. 7 (一)).
/// </summary>
public sealed record Governance(string? Body, bool LegalPersonResponsibility, bool TalentRules, bool IntellectualPropertyRules, bool FundingRules);

public sealed record Contact(string? Name, string? Role, string? Phone, string? Email);

/// <summary>Codes of the unit-level lists.</summary>
public static class LeadQualifications
{
    public const string IndependentLegalPerson = "independent-legal-person";
    public const string TransitionalStatus = "transitional";

    /// <summary>Qualification codes allowed for each lead-unit type (Art. 7 (一)).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Content.CodeEntry>> ByLeadUnitType { get; } = new Dictionary<string, IReadOnlyList<Content.CodeEntry>>
    {
        ["leading-enterprise"] = [new("high-market-share", "行业市场占有率较高的领军企业", "Leading enterprise with a high market share")],
        ["research-institution"] =
        [
            new("national-research-institution", "国家级高水平研究机构", "National high-level research institution"),
            new("world-class-university", "世界一流大学", "World-class university"),
            new("first-class-discipline-university", "建有一流学科的高校", "University with first-class disciplines"),
        ],
        ["research-hospital"] = [new("grade-3a", "三级甲等医疗机构", "Grade-3A hospital")],
    };

    public static IReadOnlyList<Content.CodeEntry> LegalPersonStatuses { get; } =
    [
        new(IndependentLegalPerson, "独立法人实体", "Independent legal person"),
        new(TransitionalStatus, "人、财、物相对独立，逐步向独立法人过渡", "Transitional: relatively independent people, finance and assets"),
    ];

    public static IReadOnlyList<Content.CodeEntry> GovernanceBodies { get; } =
    [
        new("board", "董事会", "Board of directors"),
        new("council", "理事会", "Council"),
        new("expert-committee", "专家委员会", "Expert committee"),
    ];
}
