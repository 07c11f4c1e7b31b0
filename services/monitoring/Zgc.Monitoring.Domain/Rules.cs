using Zgc.SharedKernel;

namespace Zgc.Monitoring.Domain;

/// <summary>Short helpers for the rule violations the monitoring domain raises.</summary>
public static class Rules
{
    public static RuleViolationException Invalid(string field, string rule, string en, string zh) => new(field, rule, en, zh);

    /// <summary>A transition not allowed from <paramref name="status"/>: 409 naming the current status.</summary>
    public static RuleViolationException Conflict(string rule, string status, string en, string zh) =>
        new(null, rule, $"{en} (current status: {status})", $"{zh}（当前状态：{status}）", RuleViolationException.ConflictStatus);

    public static string Text(string? value, string field, string rule, int max, string zhName)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            throw Invalid(field, rule, $"Give {field} (at most {max} characters).", $"请填写{zhName}（不超过{max}字）。");
        }

        return Plain(value, field, rule, zhName).Trim();
    }

    public static string? OptionalText(string? value, string field, string rule, int max, string zhName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim().Length > max
            ? throw Invalid(field, rule, $"{field} has at most {max} characters.", $"{zhName}不超过{max}字。")
            : Plain(value, field, rule, zhName).Trim();
    }

    /// <summary>
    /// Refuses text with control characters (tab and line breaks aside) or bidirectional overrides: they make a name or a
    /// finding display other than it reads, in the console and in every report that quotes it.
    /// </summary>
    public static string Plain(string value, string field, string rule, string zhName)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                throw Invalid(field, rule, $"{field} contains control characters or bidirectional overrides.", $"{zhName}包含控制字符或双向文本控制符。");
            }
        }

        return value;
    }
}
