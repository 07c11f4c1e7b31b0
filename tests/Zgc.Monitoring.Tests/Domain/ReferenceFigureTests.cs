using Zgc.Monitoring.Domain;
using Zgc.SharedKernel;

namespace Zgc.Monitoring.Tests.Domain;

/// <summary>R-A8-RD compares a platform's R&amp;D intensity with the ZGC average of the year, held in basis points.</summary>
public class ReferenceFigureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(0)]
    [InlineData(650)]
    [InlineData(10_000)]
    public void Zero_to_ten_thousand_basis_points_are_accepted(int basisPoints)
    {
        var figure = ReferenceFigure.Create(2025, basisPoints, "admin", Now);

        Assert.Equal(2025, figure.Year);
        Assert.Equal(basisPoints, figure.AverageRdIntensityBasisPoints);
        Assert.Equal("admin", figure.SetBy);
        Assert.Equal(Now, figure.SetAt);
    }

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(-1)]
    [InlineData(10_001)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Basis_points_outside_0_to_10000_are_refused(int basisPoints)
    {
        var error = Assert.Throws<RuleViolationException>(() => ReferenceFigure.Create(2025, basisPoints, "admin", Now));

        Assert.Equal("averageRdIntensityBasisPoints", error.Field);
        Assert.Equal("R-A8-RD", error.Rule);
    }

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(2000)]
    [InlineData(2100)]
    public void The_first_and_last_allowed_years_are_accepted(int year)
    {
        Assert.Equal(year, ReferenceFigure.Create(year, 500, "admin", Now).Year);
    }

    [Theory, Trait("Req", "R-A8-RD")]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(0)]
    public void A_year_outside_2000_to_2100_is_refused(int year)
    {
        var error = Assert.Throws<RuleViolationException>(() => ReferenceFigure.Create(year, 500, "admin", Now));

        Assert.Equal("year", error.Field);
        Assert.Equal("R-A8-RD", error.Rule);
    }

    [Fact, Trait("Req", "R-A8-RD")]
    public void A_refused_change_keeps_the_old_figure()
    {
        var figure = ReferenceFigure.Create(2025, 650, "admin", Now);

        Assert.Throws<RuleViolationException>(() => figure.Change(10_001, "other", Now.AddDays(1)));
        figure.Change(700, "second-admin", Now.AddDays(2));

        Assert.Equal(700, figure.AverageRdIntensityBasisPoints);
        Assert.Equal("second-admin", figure.SetBy);
        Assert.Equal(Now.AddDays(2), figure.SetAt);
    }
}
