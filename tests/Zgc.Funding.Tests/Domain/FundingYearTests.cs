using Zgc.Funding.Domain;
using Zgc.SharedKernel;
using static Zgc.Funding.Tests.Domain.Builders;

namespace Zgc.Funding.Tests.Domain;

public class FundingYearTests
{
    [Fact, Trait("Req", "R-A10-Y23")]
    public void A_passed_evaluation_opens_the_next_year_with_its_cap_awaiting_the_award()
    {
        var year = FundingYear.AfterEvaluation(Signed(), 1, passed: true, Money.FromYuan(20_000_000), Now);

        Assert.Equal(2, year.ConstructionYear);
        Assert.Equal(FundingYearStatus.AwaitingAward, year.Status);
        Assert.Equal(Money.FromYuan(6_000_000), year.Cap);
        Assert.Null(year.Award);
        Assert.Contains("R-A10-Y23", year.CapExplanationEn, StringComparison.Ordinal);
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public void A_failed_evaluation_makes_the_next_year_not_eligible()
    {
        var year = FundingYear.AfterEvaluation(Signed(), 2, passed: false, Money.FromYuan(20_000_000), Now);

        Assert.Equal(3, year.ConstructionYear);
        Assert.Equal(FundingYearStatus.NotEligible, year.Status);
        Assert.Equal(Money.Zero, year.Cap);
        Assert.Throws<RuleViolationException>(() => year.DecideAward(Money.FromFen(1), "officer", Now));
    }

    [Fact, Trait("Req", "R-A10-Y23")]
    public void The_award_of_a_later_year_is_at_most_its_cap()
    {
        var year = FundingYear.AfterEvaluation(Signed(), 1, passed: true, Money.FromYuan(20_000_000), Now);

        Assert.Throws<RuleViolationException>(() => year.DecideAward(Money.Parse("6000000.01"), "officer", Now));
        Assert.Equal(FundingYearStatus.AwaitingAward, year.Status);
        year.DecideAward(Money.FromYuan(5_500_000), "officer", Now);
        Assert.Equal(FundingYearStatus.Due, year.Status);
        Assert.Equal(Money.FromYuan(5_500_000), year.Award);
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void Cancelling_stops_an_unpaid_year_but_not_a_paid_one()
    {
        var agreement = Signed();
        var unpaid = FundingYear.ForSignedAgreement(agreement, Now);
        var paid = FundingYear.ForSignedAgreement(agreement, Now);
        paid.GatherInto(Guid.NewGuid());
        paid.MarkPaid();

        Assert.True(unpaid.Cancel());
        Assert.False(paid.Cancel());
        Assert.Equal(FundingYearStatus.Paid, paid.Status);
        Assert.Throws<RuleViolationException>(() => unpaid.GatherInto(Guid.NewGuid()));
    }
}
