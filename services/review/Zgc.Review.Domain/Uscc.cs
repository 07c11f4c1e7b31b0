namespace Zgc.Review.Domain;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015) as far as review needs it: 18 characters from
/// the code's alphabet (digits and capital letters without I, O, Z, S, V). Matching is on the normalised text; the
/// check digit is not verified here because the units' codes arrive already checked by intake.
/// </summary>
public static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Trimmed and upper-cased, or null when <paramref name="value"/> is not an 18-character code.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        return code.Length == 18 && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
