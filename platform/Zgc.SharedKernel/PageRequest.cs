namespace Zgc.SharedKernel;

/// <summary>
/// A page of a list asked for by number (<c>page</c>, from 1) and size (<c>pageSize</c>): the rows to skip and to take,
/// or a 400 naming the field. Each list chooses its own default and largest size.
/// </summary>
public readonly record struct PageRequest(int Skip, int Take)
{
    public static PageRequest Of(int? page, int? pageSize, int defaultSize, int maxSize)
    {
        var size = pageSize ?? defaultSize;
        if (size < 1 || size > maxSize)
        {
            throw new RuleViolationException("pageSize", "paging", $"pageSize must be between 1 and {maxSize}.", $"每页条数须在 1 至 {maxSize} 之间。");
        }

        if (page is < 1)
        {
            throw new RuleViolationException("page", "paging", "page starts at 1.", "页码从 1 开始。");
        }

        return new PageRequest(((page ?? 1) - 1) * size, size);
    }
}
