using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Zgc.Intake.Domain;

/// <summary>
/// Checks every value of a request body, however deep, before the field rules run: no control characters (tab and line
/// breaks aside) or bidirectional overrides in any text (they make a name display other than it reads), no empty entries
/// in lists, no text beyond <see cref="MaxTextLength"/>, no negative or absurd numbers, no dates outside 1900–2199.
/// Field rules then only need to say what each field means.
/// </summary>
public static class InputHygiene
{
    public const string Rule = "input-text";
    public const int MaxTextLength = 20_000;

    /// <summary>Far above any figure of the programme (amounts are fen, counts are people or items).</summary>
    public const decimal MaxNumber = 1_000_000_000_000_000m;

    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2199, 12, 31);

    private const string EmptyEntryEn = "A list entry is empty.";

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>Whether the error is about an empty (null) list entry, which field rules cannot look into.</summary>
    public static bool IsEmptyEntry(FieldError error) => error?.MessageEn == EmptyEntryEn;

    public static IReadOnlyList<FieldError> Check(object? value)
    {
        var errors = new List<FieldError>();
        Walk(errors, FieldPath.Root, value, 0);
        return errors;
    }

    /// <summary>Whether the text has a character no name or description needs: C0/C1 controls other than tab and line breaks, or bidi controls.</summary>
    public static bool HasForbiddenCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || IsBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static void Walk(List<FieldError> errors, FieldPath path, object? value, int depth)
    {
        if (value is null || depth > 8)
        {
            return;
        }

        switch (value)
        {
            case string text:
                if (text.Length > MaxTextLength)
                {
                    errors.Add(new(path.Name, Rule, $"At most {MaxTextLength} characters.", $"不超过{MaxTextLength}个字符。"));
                }
                else if (HasForbiddenCharacters(text))
                {
                    errors.Add(new(path.Name, Rule, "The text contains control characters or bidirectional overrides.", "文本包含控制字符或双向文本控制符。"));
                }

                return;
            case decimal or double or float or long or int or short:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (number < 0 || number > MaxNumber)
                {
                    errors.Add(new(path.Name, Rule, "A number here is not negative and at most 10^15.", "此处数值不能为负数，且不超过10^15。"));
                }

                return;
            case DateOnly date:
                if (date < Earliest || date > Latest)
                {
                    errors.Add(new(path.Name, Rule, "A date here lies between 1900 and 2199.", "日期应在1900年至2199年之间。"));
                }

                return;
            case bool or Guid or DateTimeOffset or DateTime or Enum:
                return;
            case IEnumerable items:
                var list = path.Text;
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        errors.Add(new(FieldPath.Item(list.Length == 0 ? "body" : list, i).Name, Rule, EmptyEntryEn, "列表中有空项。"));
                    }

                    Walk(errors, FieldPath.Item(list, i), item, depth + 1);
                    i++;
                }

                return;
        }

        var parent = path.Text;
        foreach (var member in MembersOf(value.GetType()))
        {
            Walk(errors, FieldPath.Member(parent, member.Name), member.Read(value), depth + 1);
        }
    }

    /// <summary>
    /// The readable properties of a type with their JSON (camelCase) names, found once per type: this walk runs on every
    /// request body, and looking the properties up by reflection each time was a visible share of intake's CPU.
    /// </summary>
    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Member(char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p.GetValue))]);

    private sealed record Member(string Name, Func<object?, object?> Read);

    /// <summary>
    /// Where a value sits in the body ("goals[0].stageTargets[1].description"), put together only when an error names it
    /// or a list or object below needs it as its prefix: most values are leaves that pass.
    /// </summary>
    private readonly record struct FieldPath(string Parent, string? Property, int Index)
    {
        public static FieldPath Root => new("", null, -1);

        public static FieldPath Member(string parent, string name) => new(parent, name, -1);

        public static FieldPath Item(string list, int index) => new(list, null, index);

        /// <summary>The path as text; empty for the body itself.</summary>
        public string Text => Property is not null
            ? Parent.Length == 0 ? Property : $"{Parent}.{Property}"
            : Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{Parent}[{Index}]") : Parent;

        /// <summary>The field an error names: the path, or "body" for the body itself.</summary>
        public string Name => Text is { Length: > 0 } text ? text : "body";
    }
}
