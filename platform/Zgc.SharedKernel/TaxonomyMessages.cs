namespace Zgc.SharedKernel;

/// <summary>The bilingual wording of taxonomy errors, in one place so that every list reads the same.</summary>
internal static class TaxonomyMessages
{
    public static TaxonomyException Unknown(
        string field, string rule, string? value, IEnumerable<(string Code, string ZhName)> valid, string whatEn, string whatZh)
    {
        var entries = valid.ToList();
        var en = $"{QuoteEn(value)} is not a valid {whatEn} ({field}, rule {rule}). Valid codes: {ListEn(entries)}.";
        var zh = $"{QuoteZh(value)}不是有效的{whatZh}（{field}，规则 {rule}）。有效代码：{ListZh(entries)}。";
        return new TaxonomyException(field, rule, value, entries.Select(entry => entry.Code), en, zh);
    }

    public static string QuoteEn(string? value) => string.IsNullOrWhiteSpace(value) ? "An empty value" : $"'{value}'";

    public static string QuoteZh(string? value) => string.IsNullOrWhiteSpace(value) ? "空值" : $"“{value}”";

    public static string ListEn(IEnumerable<(string Code, string ZhName)> entries) => string.Join(", ", entries.Select(entry => entry.Code));

    /// <summary>Codes with their Chinese names, so a Chinese reader recognises the entry without knowing the code.</summary>
    public static string ListZh(IEnumerable<(string Code, string ZhName)> entries) =>
        string.Join("、", entries.Select(entry => $"{entry.Code}（{entry.ZhName}）"));
}
