namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// The codes of intake's small closed lists that the shared kernel does not hold (they live in the intake domain, which
/// the console does not reference). Each code has its name as the text <c>applicant.code.{list}.{code}</c>.
/// </summary>
public static class IntakeCodes
{
    public static IReadOnlyList<string> CostCategories { get; } =
    [
        "production-lines", "equipment-materials", "premises-rent", "space-renovation", "personnel", "outsourced-testing", "cooperative-rd",
        "information-systems", "loan-interest", "exhibitions", "industry-matchmaking", "land", "construction-installation",
    ];

    public static IReadOnlyList<string> LeaderTitles { get; } = ["academician", "renowned-expert", "technology-leader", "senior-executive", "other"];

    public static IReadOnlyList<string> EnterpriseRelations { get; } = ["upstream", "downstream", "service"];

    public static IReadOnlyList<string> FacilityKinds { get; } = ["software-hardware", "laboratory", "instruments", "pilot-workshop", "testing-equipment"];

    public static IReadOnlyList<string> ConstructionStatuses { get; } = ["built", "under-construction"];

    public static IReadOnlyList<string> LegalPersonStatuses { get; } = ["independent-legal-person", "transitional"];

    public static IReadOnlyList<string> GovernanceBodies { get; } = ["board", "council", "expert-committee"];

    /// <summary>The qualifications Art. 7 (一) allows for each lead-unit type.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Qualifications { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["leading-enterprise"] = ["high-market-share"],
        ["research-institution"] = ["national-research-institution", "world-class-university", "first-class-discipline-university"],
        ["research-hospital"] = ["grade-3a"],
    };

    /// <summary>Statuses in which the unit may still change and submit the application.</summary>
    public static bool IsEditable(string status) => status is "Draft" or "Ineligible" or "Returned";

    /// <summary>The key of a code's name.</summary>
    public static string Key(string list, string code) => $"applicant.code.{list}.{code}";
}
