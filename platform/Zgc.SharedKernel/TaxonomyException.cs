namespace Zgc.SharedKernel;

/// <summary>
/// A code that is not one of the closed lists of the Measures: industry fields and sub-areas (Art. 4,
/// R-A4-FIELDS), lead-unit types (Art. 5, R-A5-LEADTYPES) or sub-parks (Art. 6 and 13, R-A6-SUBPARKS).
/// It is an <see cref="ArgumentException"/> because the caller passed a bad argument; it names the input field
/// and the rule and lists the valid codes, so the hosts can answer with a 400 that tells the user what to send.
/// </summary>
public sealed class TaxonomyException : ArgumentException
{
    /// <param name="field">The input field that carried the code, e.g. <c>industryField</c>.</param>
    /// <param name="rule">The requirement ID that defines the list, e.g. <c>R-A4-FIELDS</c>.</param>
    /// <param name="value">The refused value as received (may be null).</param>
    /// <param name="validCodes">The codes that would have been accepted.</param>
    /// <param name="messageEn">Why, in English, listing the valid codes.</param>
    /// <param name="messageZh">Why, in Chinese, listing the valid codes.</param>
    public TaxonomyException(string field, string rule, string? value, IEnumerable<string> validCodes, string messageEn, string messageZh)
        : base($"{messageEn} / {messageZh}")
    {
        Field = field;
        Rule = rule;
        Value = value;
        ValidCodes = [.. validCodes];
        MessageEn = messageEn;
        MessageZh = messageZh;
    }

    public TaxonomyException()
        : this("The code is not valid.")
    {
    }

    public TaxonomyException(string message)
        : base(message)
    {
        Field = "";
        Rule = "";
        ValidCodes = [];
        MessageEn = message;
        MessageZh = message;
    }

    public TaxonomyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
        Rule = "";
        ValidCodes = [];
        MessageEn = message;
        MessageZh = message;
    }

    /// <summary>The input field that carried the bad code, e.g. <c>industryField</c>, <c>subArea</c>, <c>subPark</c>.</summary>
    public string Field { get; }

    /// <summary>The requirement ID that defines the valid codes, e.g. <c>R-A4-FIELDS</c>.</summary>
    public string Rule { get; }

    /// <summary>The value that was refused.</summary>
    public string? Value { get; }

    public IReadOnlyList<string> ValidCodes { get; }

    public string MessageEn { get; }

    public string MessageZh { get; }
}
