using System.Diagnostics.CodeAnalysis;
using Zgc.SharedKernel;

namespace Zgc.Intake.Domain;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character set (the
/// digits and the capital letters without I, O, Z, S, V), the last being a check character computed from the
/// first 17 with the weights 3^i mod 31.
/// </summary>
public static class Uscc
{
    /// <summary>The rule code used in errors about a malformed code.</summary>
    public const string Rule = "GB-32100-2015";

    public const int Length = 18;

    /// <summary>The code set of GB 32100-2015, in the order of its values 0–30.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>The weight of position i (0-based) is 3^i mod 31.</summary>
    private static readonly int[] Weights = [.. Enumerable.Range(0, Length - 1).Select(i => (int)System.Numerics.BigInteger.ModPow(3, i, 31))];

    /// <summary>Whether <paramref name="code"/> (exactly as given, no trimming or case folding) is a valid USCC.</summary>
    public static bool IsValid([NotNullWhen(true)] string? code) => code is not null && Problem(code) is null;

    /// <summary>The check character the first 17 characters call for, or null when they are not in the code set.</summary>
    public static char? CheckCharacterFor(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// The canonical code for user input: surrounding white space removed and letters upper-cased (codes are
    /// printed in capitals). Throws a 400 naming <paramref name="field"/> when the code is not valid.
    /// </summary>
    public static string Normalize(string? input, string field)
    {
        var code = input?.Trim().ToUpperInvariant() ?? "";
        var problem = Problem(code);
        return problem is null ? code : throw new RuleViolationException(field, Rule, problem.Value.En, problem.Value.Zh);
    }

    /// <summary>Null when valid, otherwise why not, in English and Chinese.</summary>
    public static (string En, string Zh)? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Length)
        {
            return ($"A unified social credit code has {Length} characters; '{code}' has {code.Length}.",
                $"统一社会信用代码应为{Length}位，“{code}”为{code.Length}位。");
        }

        var bad = code.FirstOrDefault(c => !Alphabet.Contains(c, StringComparison.Ordinal));
        if (bad != default)
        {
            return ($"'{bad}' may not appear in a unified social credit code (digits and capital letters except I, O, Z, S, V).",
                $"统一社会信用代码不能包含“{bad}”（只能是数字和除I、O、Z、S、V外的大写字母）。");
        }

        var expected = CheckCharacterFor(code[..(Length - 1)]);
        return expected == code[^1]
            ? null
            : ($"The check character of '{code}' should be '{expected}', not '{code[^1]}' (GB 32100-2015).",
                $"统一社会信用代码“{code}”的校验码应为“{expected}”而不是“{code[^1]}”（GB 32100-2015）。");
    }
}
