using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Features;

/// <summary>
/// Monitoring's lists (reports, platforms) a page at a time: each grows by one row per platform (a year), so no answer
/// holds more than <see cref="MaxSize"/>; how many match in all goes in <c>X-Total-Count</c>.
/// </summary>
internal static class ListPage
{
    public const int MaxSize = 500;

    public const string TotalHeader = "X-Total-Count";

    /// <summary>The page asked for (1 and <see cref="MaxSize"/> when left out); a 400 naming the field otherwise.</summary>
    public static PageRequest Of(int? page, int? pageSize) => PageRequest.Of(page, pageSize, MaxSize, MaxSize);

    public static void WriteTotal(HttpResponse response, int total) =>
        response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
}
