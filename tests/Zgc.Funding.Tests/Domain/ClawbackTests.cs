using Zgc.Funding.Domain;
using Zgc.SharedKernel;
using static Zgc.Funding.Tests.Domain.Builders;

namespace Zgc.Funding.Tests.Domain;

public class ClawbackTests
{
    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void Recoveries_are_recorded_until_the_receivable_is_settled()
    {
        var clawback = Clawback.Raise(Signed(), Money.FromYuan(5_000_000), "弄虚作假", "ZGC-2027-01", Now);

        Assert.Equal(ClawbackStatus.Open, clawback.Status);
        Assert.False(clawback.Recover(Money.FromYuan(2_000_000), new DateOnly(2027, 1, 5), "R1", "fin", Now));
        Assert.Equal(Money.FromYuan(3_000_000), clawback.Outstanding);
        Assert.True(clawback.Recover(Money.FromYuan(3_000_000), new DateOnly(2027, 2, 5), "R2", "fin", Now.AddDays(30)));

        Assert.Equal(ClawbackStatus.Settled, clawback.Status);
        Assert.Equal(Now.AddDays(30), clawback.SettledAt);
        Assert.Equal(2, clawback.Recoveries.Count);
        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => clawback.Recover(Money.FromFen(1), new DateOnly(2027, 3, 1), "R3", "fin", Now)).StatusCode);
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void A_recovery_above_what_is_outstanding_or_not_positive_is_refused()
    {
        var clawback = Clawback.Raise(Signed(), Money.FromYuan(100), "弄虚作假", "ZGC-2027-01", Now);

        Assert.Equal("amountFen", Assert.Throws<RuleViolationException>(() => clawback.Recover(Money.Parse("100.01"), new DateOnly(2027, 1, 5), "R", "f", Now)).Field);
        Assert.Throws<RuleViolationException>(() => clawback.Recover(Money.Zero, new DateOnly(2027, 1, 5), "R", "f", Now));
        Assert.Throws<RuleViolationException>(() => clawback.Recover(Money.FromFen(-5), new DateOnly(2027, 1, 5), "R", "f", Now));
        Assert.Equal(Money.Zero, clawback.Recovered);
    }

    [Fact, Trait("Req", "R-A15-FRAUD")]
    public void Nothing_paid_means_a_clawback_settled_at_once()
    {
        var clawback = Clawback.Raise(Signed(), Money.Zero, "弄虚作假", "ZGC-2027-01", Now);

        Assert.Equal(ClawbackStatus.Settled, clawback.Status);
    }
}
