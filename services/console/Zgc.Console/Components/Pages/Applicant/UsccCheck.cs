namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// The unified social credit code of GB 32100-2015, checked in the browser as the user types: 18 characters of the
/// 31-character code set, the last a check character over the first 17 (weights 3^i mod 31). The service checks again.
/// </summary>
public static class UsccCheck
{
    public const int Length = 18;

    /// <summary>The code set in the order of its values 0–30 (no I, O, Z, S, V).</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>The text key of what is wrong with <paramref name="code"/> and its argument; null when it is valid.</summary>
    public static (string Key, string Argument)? Problem(string? code)
    {
        var value = code?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != Length)
        {
            return ("applicant.uscc.length", value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var bad = value.FirstOrDefault(c => !Alphabet.Contains(c, StringComparison.Ordinal));
        if (bad != default)
        {
            return ("applicant.uscc.character", bad.ToString());
        }

        var expected = CheckCharacter(value[..(Length - 1)]);
        return expected == value[^1] ? null : ("applicant.uscc.check", expected.ToString());
    }

    /// <summary>The check character the first 17 characters (all of the code set) call for.</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Alphabet.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
