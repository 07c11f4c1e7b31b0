using Zgc.Console.Api;
using Zgc.Console.Localization;

namespace Zgc.Console.Components.Pages.Applicant;

/// <summary>
/// The services write each field error in both languages ("RULE: English. 中文。", or "RULE: English / 中文" for a single
/// rule violation). The applicant's pages show the part in the user's language, keeping the rule code in front.
/// </summary>
public static class ServiceMessages
{
    /// <summary>The same error with every field message in the language of <paramref name="texts"/>.</summary>
    public static ApiError? InLanguage(ApiError? error, UiText texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (error?.Fields is null)
        {
            return error;
        }

        var fields = error.Fields.ToDictionary(f => f.Key, f => f.Value.Select(m => Pick(m, texts.IsEnglish)).ToArray(), StringComparer.OrdinalIgnoreCase);
        return error with { Fields = fields };
    }

    /// <summary>
    /// The error without the service's word on <paramref name="field"/>: once the user edits a field, what the service said
    /// about its previous value no longer applies (the page's own check takes over until the next save). Null when
    /// nothing is left to show.
    /// </summary>
    public static ApiError? Without(ApiError? error, string field)
    {
        if (error?.Fields is null || !error.Fields.Keys.Any(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase)))
        {
            return error;
        }

        var rest = error.Fields.Where(f => !string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
        return error with { Fields = rest };
    }

    /// <summary>The part of a two-language message in one language; the whole message when it cannot be split.</summary>
    public static string Pick(string message, bool english)
    {
        ArgumentNullException.ThrowIfNull(message);
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var rule = colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) ? message[..(colon + 2)] : "";
        var text = message[rule.Length..];
        var split = SplitPoint(text);
        if (split is not { } at)
        {
            return message;
        }

        var en = text[..at.EnEnd].TrimEnd();
        var zh = text[at.ZhStart..].Trim();
        return rule + (english ? en : zh);
    }

    /// <summary>
    /// Where the Chinese half starts: the first CJK character (or Chinese quotation mark) after ". " or " / " that follows
    /// some English text.
    /// </summary>
    private static (int EnEnd, int ZhStart)? SplitPoint(string text)
    {
        var slash = text.IndexOf(" / ", StringComparison.Ordinal);
        if (slash > 0 && slash + 3 < text.Length && IsChinese(text[slash + 3]))
        {
            return (slash, slash + 3);
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (text[i - 1] == ' ' && text[i - 2] is '.' or ')' && IsChinese(text[i]))
            {
                return (i - 1, i);
            }
        }

        return null;
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff' or '“' or '（' or '《';
}
