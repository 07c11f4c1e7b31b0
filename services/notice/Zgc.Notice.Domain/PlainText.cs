using Zgc.SharedKernel;

namespace Zgc.Notice.Domain;

/// <summary>
/// Text an objector or an officer types is plain: no control characters (tab and line breaks aside) and no bidirectional
/// overrides, which would make a name or a reason display other than it reads on the public pages and in the files.
/// </summary>
public static class PlainText
{
    public const string Rule = "input-text";

    public static bool IsPlain(string? value) => value is null || !value.Any(c =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    /// <summary>Throws a 400 naming <paramref name="field"/> when <paramref name="value"/> is not plain text.</summary>
    public static void Require(string field, string? value)
    {
        if (!IsPlain(value))
        {
            throw new RuleViolationException(field, Rule, "The text contains control characters or bidirectional overrides.", "文本包含控制字符或双向文本控制符。");
        }
    }
}
