using Zgc.Intake.Domain;
using Zgc.SharedKernel;

namespace Zgc.Intake.Tests.Domain;

public class ApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Application Submitted(SubPark? subPark = null) => Application.Submit(Guid.NewGuid(), "91110108MA01ABCD1X", "Unit", "Platform",
        IndustryField.Parse("bio-health"), subPark ?? SubPark.Parse("haidian"), Money.FromYuan(60_000_000), "applicant", Now);

    [Fact, Trait("Req", "R-A13-APPLY")]
    public void A_submitted_application_needs_a_platform_name()
    {
        var error = Assert.Throws<RuleViolationException>(() => Application.Submit(Guid.NewGuid(), "91110108MA01ABCD1X", "Unit", " ",
            IndustryField.Parse("bio-health"), SubPark.Parse("haidian"), Money.FromYuan(1), "applicant", Now));
        Assert.Equal("platformName", error.Field);
        Assert.Equal("R-A13-APPLY", error.Rule);
    }

    [Fact, Trait("Req", "R-A13-APPLY")]
    public void A_submitted_application_needs_a_positive_investment()
    {
        var error = Assert.Throws<RuleViolationException>(() => Application.Submit(Guid.NewGuid(), "91110108MA01ABCD1X", "Unit", "Platform",
            IndustryField.Parse("bio-health"), SubPark.Parse("haidian"), Money.Zero, "applicant", Now));
        Assert.Equal("totalInvestmentFen", error.Field);
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void Its_own_sub_park_recommends_it_once()
    {
        var application = Submitted();
        application.Recommend(SubPark.Parse("haidian"), "officer", "Strong team", Now);

        Assert.Equal(ApplicationStatus.Recommended, application.Status);
        Assert.Equal("officer", application.RecommendedBy);
        Assert.Throws<RuleViolationException>(() => application.Recommend(SubPark.Parse("haidian"), "officer", null, Now));
    }

    [Fact, Trait("Req", "R-A13-SUBPARK")]
    public void Another_sub_park_cannot_recommend_it()
    {
        var application = Submitted();
        var error = Assert.Throws<RuleViolationException>(() => application.Recommend(SubPark.Parse("chaoyang"), "officer", null, Now));
        Assert.Equal("R-A13-SUBPARK", error.Rule);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }
}
