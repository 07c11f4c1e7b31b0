namespace Zgc.Console.Api;

/// <summary>
/// The rows a service answered of a list it caps (newest or earliest first, a page at most) and how many match in all, so
/// that a page can say when it does not show every one.
/// </summary>
public sealed record CappedList<T>(List<T> Rows, int Total)
{
    public bool Truncated => Total > Rows.Count;
}
