namespace Zgc.SharedKernel;

/// <summary>
/// A sub-area (细分技术领域) in which Art. 4 lays out platforms, always within one industry field
/// (R-A4-FIELDS). Sub-areas are created only by <see cref="IndustryField"/>; obtain one with
/// <see cref="IndustryField.ParseSubArea"/>, which checks that it belongs to the field.
/// </summary>
public sealed record SubArea
{
    internal SubArea(string code, string zhName, string enName, string fieldCode)
    {
        Code = code;
        ZhName = zhName;
        EnName = enName;
        FieldCode = fieldCode;
    }

    /// <summary>The stable kebab-case code, unique across all fields, e.g. <c>integrated-circuits</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name, following the wording of Art. 4.</summary>
    public string ZhName { get; }

    public string EnName { get; }

    /// <summary>The code of the <see cref="IndustryField"/> it belongs to.</summary>
    public string FieldCode { get; }

    public override string ToString() => Code;
}
