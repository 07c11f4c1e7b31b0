using Zgc.Funding.Domain;
using Zgc.SharedKernel;
using static Zgc.Funding.Tests.Domain.Builders;

namespace Zgc.Funding.Tests.Domain;

public class LedgerTests
{
    [Fact]
    public void Totals_count_each_kind_and_a_reversal_cancels_the_entry_it_names()
    {
        var agreement = Signed();
        var award = LedgerEntry.For(LedgerKind.Award, agreement, Money.FromYuan(5_000_000), 2026, 1, "y1", "agreement", Now);
        var entries = new List<LedgerEntry>
        {
            award,
            award.Reverse("award changed", "officer", Now),
            LedgerEntry.For(LedgerKind.Award, agreement, Money.FromYuan(4_000_000), 2026, 1, "y1", "officer", Now),
            LedgerEntry.For(LedgerKind.Payment, agreement, Money.FromYuan(4_000_000), 2026, 1, "line", "fin", Now),
            LedgerEntry.For(LedgerKind.Clawback, agreement, Money.FromYuan(4_000_000), 2027, null, "claw", "fraud", Now),
            LedgerEntry.For(LedgerKind.Recovery, agreement, Money.FromYuan(1_500_000), 2027, null, "bank", "fin", Now),
        };

        var totals = LedgerTotals.Of(entries);

        Assert.Equal(Money.FromYuan(4_000_000), totals.Awarded);
        Assert.Equal(Money.FromYuan(4_000_000), totals.Paid);
        Assert.Equal(Money.FromYuan(4_000_000), totals.ClawedBack);
        Assert.Equal(Money.FromYuan(1_500_000), totals.Recovered);
        Assert.Equal(Money.FromYuan(2_500_000), totals.Outstanding);
        Assert.Equal(Money.FromYuan(2_500_000), totals.NetDisbursed);
    }

    [Fact]
    public void Payments_and_reversals_are_not_reversed_and_a_reversal_needs_a_reason()
    {
        var agreement = Signed();
        var payment = LedgerEntry.For(LedgerKind.Payment, agreement, Money.FromYuan(1), 2026, 1, "line", "fin", Now);
        var award = LedgerEntry.For(LedgerKind.Award, agreement, Money.FromYuan(1), 2026, 1, "y1", "agreement", Now);

        Assert.Equal(409, Assert.Throws<RuleViolationException>(() => payment.Reverse("typo", "fin", Now)).StatusCode);
        Assert.Throws<RuleViolationException>(() => award.Reverse("x", "fin", Now).Reverse("y", "fin", Now));
        Assert.Equal("reason", Assert.Throws<RuleViolationException>(() => award.Reverse(" ", "fin", Now)).Field);
        Assert.Throws<RuleViolationException>(() => LedgerEntry.For(LedgerKind.Payment, agreement, Money.FromFen(-1), 2026, 1, "line", "fin", Now));
    }

    [Fact, Trait("Req", "R-A15-FRAUD"), Trait("Req", "R-A10-Y1")]
    public void On_random_histories_the_ledger_balances_per_platform_and_in_total()
    {
        var random = new Random(20190919);
        var all = new List<LedgerEntry>();
        var expected = (Awarded: 0L, Paid: 0L, Clawed: 0L, Recovered: 0L);
        for (var p = 0; p < 300; p++)
        {
            var agreement = Signed(platform: $"平台{p}");
            var entries = new List<LedgerEntry>();
            var award = random.NextInt64(0, 10_000_000_00);
            var first = LedgerEntry.For(LedgerKind.Award, agreement, Money.FromFen(award), 2026, 1, "y1", "agreement", Now);
            entries.Add(first);
            if (random.Next(3) == 0)
            {
                // Corrected award: the first is reversed, a lower one appended.
                entries.Add(first.Reverse("changed", "officer", Now));
                award = random.NextInt64(0, award + 1);
                entries.Add(LedgerEntry.For(LedgerKind.Award, agreement, Money.FromFen(award), 2026, 1, "y1", "officer", Now));
            }

            var paid = random.Next(2) == 0 ? award : 0;
            if (paid > 0)
            {
                entries.Add(LedgerEntry.For(LedgerKind.Payment, agreement, Money.FromFen(paid), 2026, 1, "line", "fin", Now));
            }

            long recovered = 0;
            var clawed = random.Next(4) == 0 ? paid : 0;
            if (clawed > 0)
            {
                entries.Add(LedgerEntry.For(LedgerKind.Clawback, agreement, Money.FromFen(clawed), 2027, null, "claw", "fraud", Now));
                while (recovered < clawed && random.Next(3) > 0)
                {
                    var part = random.NextInt64(1, clawed - recovered + 1);
                    entries.Add(LedgerEntry.For(LedgerKind.Recovery, agreement, Money.FromFen(part), 2027, null, "bank", "fin", Now));
                    recovered += part;
                }
            }

            var totals = LedgerTotals.Of(entries);
            Assert.Equal(award, totals.Awarded.Fen);
            Assert.Equal(paid, totals.Paid.Fen);
            Assert.True(totals.Paid <= totals.Awarded);
            Assert.Equal(clawed - recovered, totals.Outstanding.Fen);
            Assert.False(totals.Outstanding.IsNegative);
            Assert.Equal(paid - recovered, totals.NetDisbursed.Fen);
            all.AddRange(entries);
            expected = (expected.Awarded + award, expected.Paid + paid, expected.Clawed + clawed, expected.Recovered + recovered);
        }

        var total = LedgerTotals.Of(all);
        Assert.Equal(expected.Awarded, total.Awarded.Fen);
        Assert.Equal(expected.Paid, total.Paid.Fen);
        Assert.Equal(expected.Clawed, total.ClawedBack.Fen);
        Assert.Equal(expected.Recovered, total.Recovered.Fen);
    }
}
