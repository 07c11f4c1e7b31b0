namespace Zgc.Console.Components.Pages.Finance;

/// <summary>
/// The view state of a list that can grow: a filter text, a sort column (click again to reverse) and pages of
/// <see cref="PageSize"/>. The page keeps the rows; this only decides which of them show and in what order.
/// </summary>
public sealed class TablePages<T>(IReadOnlyDictionary<string, Func<T, IComparable?>> columns, Func<T, IEnumerable<string?>> searchable, string sortBy,
    bool descending = false)
{
    public const int PageSize = 25;

    private string filter = "";

    public string Filter
    {
        get => filter;
        set
        {
            filter = value ?? "";
            Page = 0;
        }
    }

    public string SortColumn { get; private set; } = sortBy;

    public bool Descending { get; private set; } = descending;

    /// <summary>The page shown, from 0.</summary>
    public int Page { get; set; }

    public void SortBy(string column)
    {
        if (column == SortColumn)
        {
            Descending = !Descending;
        }
        else
        {
            SortColumn = column;
            Descending = false;
        }

        Page = 0;
    }

    /// <summary>"ascending", "descending" or "none": for aria-sort and the arrow next to a column's name.</summary>
    public string SortOf(string column) => column != SortColumn ? "none" : Descending ? "descending" : "ascending";

    public string Arrow(string column) => SortOf(column) switch { "ascending" => " ▲", "descending" => " ▼", _ => "" };

    /// <summary>Every row that matches the filter, in the chosen order.</summary>
    public List<T> Matching(IEnumerable<T> rows)
    {
        var text = filter.Trim();
        var matching = text.Length == 0
            ? rows
            : rows.Where(r => searchable(r).Any(s => s?.Contains(text, StringComparison.OrdinalIgnoreCase) == true));
        if (!columns.TryGetValue(SortColumn, out var key))
        {
            return [.. matching];
        }

        var comparer = Comparer<IComparable?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b));
        return Descending ? [.. matching.OrderByDescending(key, comparer)] : [.. matching.OrderBy(key, comparer)];
    }

    /// <summary>The rows of the current page (the page moves back when the list got shorter).</summary>
    public List<T> PageOf(IReadOnlyList<T> matching)
    {
        Page = Math.Clamp(Page, 0, Pages(matching.Count) - 1);
        return [.. matching.Skip(Page * PageSize).Take(PageSize)];
    }

    public static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);
}
