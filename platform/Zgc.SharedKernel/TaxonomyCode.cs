namespace Zgc.SharedKernel;

/// <summary>
/// An entry of one of the closed lists of the Measures (industry fields, lead-unit types, sub-parks). Each has
/// a stable kebab-case <see cref="Code"/>, used in APIs, messages and the database and never translated, plus
/// its Chinese name as written in the Measures and an English name. Two entries are equal when their codes are.
/// </summary>
/// <typeparam name="TSelf">The concrete list type; only this assembly defines them.</typeparam>
public abstract class TaxonomyCode<TSelf> : IEquatable<TSelf>
    where TSelf : TaxonomyCode<TSelf>
{
    private protected TaxonomyCode(string code, string zhName, string enName)
    {
        Code = code;
        ZhName = zhName;
        EnName = enName;
    }

    /// <summary>The stable kebab-case code, e.g. <c>bio-health</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name as in the Measures, e.g. 生物健康.</summary>
    public string ZhName { get; }

    public string EnName { get; }

    public bool Equals(TSelf? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    public sealed override bool Equals(object? obj) => obj is TSelf other && Equals(other);

    public sealed override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code, so that an entry reads the same in logs, routes and messages.</summary>
    public sealed override string ToString() => Code;

    public static bool operator ==(TaxonomyCode<TSelf>? left, TaxonomyCode<TSelf>? right) =>
        left is null ? right is null : left.Equals(right as TSelf);

    public static bool operator !=(TaxonomyCode<TSelf>? left, TaxonomyCode<TSelf>? right) => !(left == right);

    /// <summary>
    /// Looks a code up in <paramref name="all"/>. Surrounding white space and letter case are forgiven (a user
    /// typing "5G" means <c>5g</c>); the canonical entry is returned, so its code is always the canonical one.
    /// </summary>
    private protected static TSelf? Find(IEnumerable<TSelf> all, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim();
        return all.FirstOrDefault(entry => string.Equals(entry.Code, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The error for a code that is not in <paramref name="valid"/>, listing the valid codes in both languages.</summary>
    private protected static TaxonomyException Unknown(string field, string rule, string? value, IEnumerable<TSelf> valid, string whatEn, string whatZh) =>
        TaxonomyMessages.Unknown(field, rule, value, valid.Select(entry => (entry.Code, entry.ZhName)), whatEn, whatZh);
}
