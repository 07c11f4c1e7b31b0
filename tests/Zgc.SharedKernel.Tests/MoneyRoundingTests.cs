namespace Zgc.SharedKernel.Tests;

/// <summary>Art. 10: year-1 support is up to 30 % of the base, at most CNY 10,000,000 — never above the exact value.</summary>
public class MoneyRoundingTests
{
    [Fact, Trait("Req", "R-A10-Y1")]
    public void Thirty_percent_of_an_amount_that_ends_in_a_third_of_a_fen_is_rounded_down()
    {
        // 30 % of ¥33,333,333.33 is exactly ¥9,999,999.999.
        var support = Money.FromYuan(33_333_333.33m).MultiplyRoundedDown(30, 100);

        Assert.Equal(Money.FromYuan(9_999_999.99m), support);
        Assert.Equal("¥9,999,999.99", support.ToString());
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void Thirty_percent_capped_at_ten_million_yuan_never_exceeds_either_limit()
    {
        var cap = Money.FromYuan(10_000_000);

        Assert.Equal(Money.FromYuan(9_999_999.99m), Money.Min(Money.FromYuan(33_333_333.33m).MultiplyRoundedDown(30, 100), cap));
        Assert.Equal(cap, Money.Min(Money.FromYuan(33_333_333.34m).MultiplyRoundedDown(30, 100), cap));
        Assert.Equal(cap, Money.Min(Money.FromYuan(50_000_000).MultiplyRoundedDown(30, 100), cap));
    }

    [Theory, Trait("Req", "R-A10-Y1")]
    [InlineData(100, 30, 100, 30)]
    [InlineData(1, 30, 100, 0)]
    [InlineData(3, 30, 100, 0)]
    [InlineData(4, 30, 100, 1)]
    [InlineData(999, 30, 100, 299)]
    [InlineData(1_000, 1, 3, 333)]
    [InlineData(2_000, 2, 3, 1_333)]
    [InlineData(0, 30, 100, 0)]
    [InlineData(12345, 100, 100, 12345)]
    public void Multiplying_rounds_down_to_the_fen(long fen, long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, Money.FromFen(fen).MultiplyRoundedDown(numerator, denominator).Fen);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void A_rounded_result_is_never_above_the_exact_value_and_less_than_a_fen_below_it()
    {
        long[] ratios = [1, 3, 7, 29, 30, 33, 99, 100];
        long[] denominators = [3, 7, 100, 1000, 9_999];
        for (var fen = -2_000L; fen <= 2_000_000L; fen += 997)
        {
            foreach (var numerator in ratios)
            {
                foreach (var denominator in denominators)
                {
                    var result = Money.FromFen(fen).MultiplyRoundedDown(numerator, denominator).Fen;
                    var exactTimesDenominator = (Int128)fen * numerator;

                    // result ≤ exact < result + 1 fen, with both sides multiplied by the denominator.
                    Assert.True((Int128)result * denominator <= exactTimesDenominator, $"{fen} × {numerator}/{denominator} gave {result}, above the exact value");
                    Assert.True(((Int128)result + 1) * denominator > exactTimesDenominator, $"{fen} × {numerator}/{denominator} gave {result}, a whole fen or more below");
                }
            }
        }
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void The_product_is_exact_even_beyond_the_64_bit_range()
    {
        // long.MaxValue × 30 overflows 64 bits; the result (÷ 100) does not.
        var result = Money.FromFen(long.MaxValue).MultiplyRoundedDown(30, 100);

        Assert.Equal((long)((Int128)long.MaxValue * 30 / 100), result.Fen);
    }

    [Fact, Trait("Req", "R-A10-Y1")]
    public void A_result_beyond_the_range_throws()
    {
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue).MultiplyRoundedDown(3, 2));
    }

    [Theory, Trait("Req", "R-A10-Y1")]
    [InlineData(0)]
    [InlineData(-100)]
    public void The_denominator_must_be_positive(long denominator)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromYuan(1).MultiplyRoundedDown(30, denominator));
    }

    [Theory, Trait("Req", "R-A10-Y1")]
    [InlineData(-1, 1, 3, -1)]
    [InlineData(-3, 1, 3, -1)]
    [InlineData(-4, 1, 3, -2)]
    [InlineData(-999, 30, 100, -300)]
    [InlineData(10, -1, 3, -4)]
    public void A_negative_exact_value_is_rounded_towards_negative_infinity(long fen, long numerator, long denominator, long expected)
    {
        Assert.Equal(expected, Money.FromFen(fen).MultiplyRoundedDown(numerator, denominator).Fen);
    }
}
