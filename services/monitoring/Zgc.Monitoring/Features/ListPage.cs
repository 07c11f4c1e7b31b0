using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features;

/// <summary>
/// A page of one of monitoring's lists (reports, platforms): each grows by one row per platform (a year), so no answer
/// holds more than <see cref="MaxSize"/>; how many match in all goes in <c>X-Total-Count</c>.
/// </summary>
internal readonly record struct ListPage(int Skip, int Take)
{
    public const int MaxSize = 500;

    public const string TotalHeader = "X-Total-Count";

    /// <summary>The page asked for (1 and <see cref="MaxSize"/> when left out); a 400 naming the field otherwise.</summary>
    public static ListPage Of(int? page, int? pageSize)
    {
        var size = pageSize ?? MaxSize;
        if (size is < 1 or > MaxSize)
        {
            throw new RuleViolationException("pageSize", "paging", $"pageSize must be between 1 and {MaxSize}.", $"每页条数须在 1 至 {MaxSize} 之间。");
        }

        if (page is < 1)
        {
            throw new RuleViolationException("page", "paging", "page starts at 1.", "页码从 1 开始。");
        }

        return new ListPage(((page ?? 1) - 1) * size, size);
    }

    public static void WriteTotal(HttpResponse response, int total) =>
        response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
}
