using System.Text;

namespace Zgc.Audit;

/// <summary>
/// Makes caller-supplied text storable unchanged by every engine before it is hashed, so that what is stored is exactly
/// what was hashed: NUL (refused by PostgreSQL) and unpaired surrogates (not valid UTF-8) become U+FFFD, and each
/// field is cut to its column's length without splitting a surrogate pair.
/// </summary>
internal static class AuditText
{
    public const int ServiceLength = 64;
    public const int UserLength = 256;
    public const int RolesLength = 512;
    public const int ActionLength = 256;
    public const int MethodLength = 16;
    public const int RouteLength = 512;
    public const int PathLength = 1024;
    public const int TargetLength = 2048;
    public const int IdLength = 128;
    public const int DetailLength = 2000;
    public const int HashLength = 64;

    public static string? Clean(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        var text = new StringBuilder(Math.Min(value.Length, maxLength));
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (text.Length + 2 > maxLength)
                {
                    break;
                }

                text.Append(c).Append(value[++i]);
                continue;
            }

            if (text.Length + 1 > maxLength)
            {
                break;
            }

            text.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        return text.ToString();
    }

    /// <summary>Roles, distinct and sorted ordinally, joined by commas.</summary>
    public static string Roles(IEnumerable<string> roles) =>
        Clean(string.Join(',', roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)), RolesLength)!;

    /// <summary><c>key=value</c> pairs sorted by key (ordinal), joined by <c>&amp;</c>, keys and values percent-escaped.</summary>
    public static string Target(IEnumerable<KeyValuePair<string, string?>> values) =>
        Clean(string.Join('&', values
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => Escape(kv.Key) + "=" + Escape(kv.Value ?? ""))), TargetLength)!;

    // Cleaned first: percent-escaping needs well-formed UTF-16.
    private static string Escape(string value) => Uri.EscapeDataString(Clean(value, TargetLength)!);
}
