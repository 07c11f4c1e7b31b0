using System.Text;
using Zgc.Console.Localization;

namespace Zgc.Console.Components.SubParkPages;

/// <summary>
/// A list's sorting and paging on the console's side (25 rows a page), for lists the services give whole or without a
/// sort: the column keys map to the value compared.
/// </summary>
public sealed class TableView<T>(IReadOnlyDictionary<string, Func<T, IComparable?>> columns, string? sortKey = null, bool descending = false)
{
    public const int PageSize = 25;

    public string? SortKey { get; private set; } = sortKey;

    public bool Descending { get; private set; } = descending;

    public int Page { get; set; } = 1;

    /// <summary>Sorts by <paramref name="key"/>, or flips the direction when it is the current column; back to page 1.</summary>
    public void SortBy(string key)
    {
        Descending = SortKey == key && !Descending;
        SortKey = key;
        Page = 1;
    }

    public List<T> Sorted(IEnumerable<T> rows)
    {
        if (SortKey is null || !columns.TryGetValue(SortKey, out var value))
        {
            return [.. rows];
        }

        // Nulls last whichever the direction, so the rows that have the value stay together at the top.
        var withValue = rows.Where(r => value(r) is not null);
        var ordered = Descending ? withValue.OrderByDescending(value, Comparer<IComparable?>.Default) : withValue.OrderBy(value, Comparer<IComparable?>.Default);
        return [.. ordered, .. rows.Where(r => value(r) is null)];
    }

    public List<T> PageOf(IReadOnlyList<T> sorted)
    {
        Page = Math.Clamp(Page, 1, Pages(sorted.Count));
        return [.. sorted.Skip((Page - 1) * PageSize).Take(PageSize)];
    }

    public static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);
}

/// <summary>CSV for "Export CSV": RFC 4180 quoting, with a byte-order mark so spreadsheet programs read the Chinese text.</summary>
public static class CsvExport
{
    public static string DataUri(IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder("\uFEFF");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(text.ToString()));
    }

    // A leading = + - @ would be read as a formula by spreadsheet programs: prefixed with an apostrophe.
    private static string Quote(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@".Contains(v[0], StringComparison.Ordinal))
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}

/// <summary>How the officer pages show codes and amounts.</summary>
public static class Show
{
    /// <summary>The text of <paramref name="prefix"/> + <paramref name="code"/>, or the code itself when the console has no text for it.</summary>
    public static string Code(UiText t, string prefix, string? code) =>
        code is null ? "" : UiText.Has(prefix + code) ? t[prefix + code] : code;

    /// <summary>Fen as yuan with two decimals and separators; empty when there is no amount.</summary>
    public static string Yuan(long? fen) => fen is { } f ? Localization.Yuan.Plain(f) : "";

    /// <summary>An industry field's name in the user's language.</summary>
    public static string Field(UiText t, string? code) =>
        Zgc.SharedKernel.IndustryField.TryParse(code, out var field) ? (t.IsEnglish ? field.EnName : field.ZhName) : code ?? "";

    /// <summary>A sub-park's name in the user's language.</summary>
    public static string SubPark(UiText t, string? code) =>
        Zgc.SharedKernel.SubPark.TryParse(code, out var park) ? (t.IsEnglish ? park.EnName : park.ZhName) : code ?? "";
}
