using Zgc.SharedKernel;

namespace Zgc.Monitoring.Domain;

/// <summary>
/// The ZGC average R&amp;D intensity of a year (R-A8-RD: a platform's intensity must not fall below it).
/// Held in basis points (1 bp = 0.01 %) so comparisons are exact.
/// </summary>
public sealed class ReferenceFigure
{
    private ReferenceFigure()
    {
    }

    public int Year { get; private set; }

    public int AverageRdIntensityBasisPoints { get; private set; }

    public string SetBy { get; private set; } = "";

    public DateTimeOffset SetAt { get; private set; }

    public static ReferenceFigure Create(int year, int basisPoints, string setBy, DateTimeOffset now)
    {
        if (year < 2000 || year > 2100)
        {
            throw new RuleViolationException("year", "R-A8-RD", "The year must be between 2000 and 2100.", "年份须在2000年至2100年之间。");
        }

        var figure = new ReferenceFigure { Year = year };
        figure.Change(basisPoints, setBy, now);
        return figure;
    }

    public void Change(int basisPoints, string setBy, DateTimeOffset now)
    {
        if (basisPoints is < 0 or > 10_000)
        {
            throw new RuleViolationException("averageRdIntensityBasisPoints", "R-A8-RD",
                "R&D intensity is a share of revenue: 0 to 10000 basis points (0 % to 100 %).", "研发投入强度须在0至10000个基点（0%至100%）之间。");
        }

        AverageRdIntensityBasisPoints = basisPoints;
        SetBy = setBy;
        SetAt = now;
    }
}
