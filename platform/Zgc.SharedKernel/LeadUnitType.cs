using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Zgc.SharedKernel;

/// <summary>
/// The kinds of unit that may lead the construction of a platform (牵头建设单位), Art. 5 (一)–(三), R-A5-LEADTYPES.
/// Art. 7 (一) checks the lead unit against these (R-A7-LEAD).
/// </summary>
[JsonConverter(typeof(TaxonomyJsonConverter<LeadUnitType>))]
public sealed class LeadUnitType : TaxonomyCode<LeadUnitType>, ITaxonomy<LeadUnitType>
{
    /// <summary>The input field name used in errors.</summary>
    public const string FieldName = "leadUnitType";

    /// <summary>The requirement that defines the list.</summary>
    public const string Rule = "R-A5-LEADTYPES";

    private LeadUnitType(string code, string zhName, string enName)
        : base(code, zhName, enName)
    {
    }

    /// <summary>Art. 5 (一): a ZGC leading enterprise with a high market share (Art. 7 (一)).</summary>
    public static LeadUnitType LeadingEnterprise { get; } = new("leading-enterprise", "领军企业", "Leading enterprise");

    /// <summary>
    /// Art. 5 (二): a high-level research institution; Art. 7 (一) reads this as a national research institution,
    /// a world-class university or a university with first-class disciplines.
    /// </summary>
    public static LeadUnitType ResearchInstitution { get; } = new("research-institution", "高水平研究机构", "High-level research institution");

    /// <summary>Art. 5 (三): a research hospital in Beijing; Art. 7 (一) asks for a Grade-3A (三级甲等) institution.</summary>
    public static LeadUnitType ResearchHospital { get; } = new("research-hospital", "研究型医院", "Research hospital");

    public static IReadOnlyList<LeadUnitType> All { get; } = [LeadingEnterprise, ResearchInstitution, ResearchHospital];

    /// <exception cref="TaxonomyException">The code is not a lead-unit type.</exception>
    public static LeadUnitType Parse(string? code) =>
        Find(All, code) ?? throw Unknown(FieldName, Rule, code, All, "lead-unit type", "牵头单位类型");

    public static bool TryParse([NotNullWhen(true)] string? code, [NotNullWhen(true)] out LeadUnitType? entry) =>
        (entry = Find(All, code)) is not null;

    static LeadUnitType IParsable<LeadUnitType>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<LeadUnitType>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out LeadUnitType result) =>
        TryParse(s, out result);
}
