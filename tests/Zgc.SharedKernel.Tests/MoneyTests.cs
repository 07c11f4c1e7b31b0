using System.Globalization;

namespace Zgc.SharedKernel.Tests;

public class MoneyTests
{
    [Fact]
    public void Adding_money_is_exact()
    {
        // 0.1 + 0.2 is exactly 0.3 in fen, unlike in binary floating point.
        var sum = Money.FromYuan(0.1m) + Money.FromYuan(0.2m);

        Assert.Equal(Money.FromYuan(0.3m), sum);
        Assert.Equal(30, sum.Fen);
        Assert.Equal(0.3m, sum.Yuan);
    }

    [Fact]
    public void Subtracting_money_is_exact_and_may_go_negative()
    {
        var difference = Money.FromYuan(10) - Money.FromYuan(12.34m);

        Assert.Equal(-234, difference.Fen);
        Assert.True(difference.IsNegative);
        Assert.False(Money.Zero.IsNegative);
    }

    [Fact]
    public void Named_alternatives_of_the_operators_give_the_same_results()
    {
        Assert.Equal(Money.FromFen(5), Money.Add(Money.FromFen(2), Money.FromFen(3)));
        Assert.Equal(Money.FromFen(-1), Money.Subtract(Money.FromFen(2), Money.FromFen(3)));
    }

    [Fact]
    public void Adding_beyond_the_range_throws_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MaxValue) + Money.FromFen(1));
        Assert.Throws<OverflowException>(() => Money.FromFen(long.MinValue) - Money.FromFen(1));
    }

    [Fact]
    public void Whole_yuan_beyond_the_range_throw_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => Money.FromYuan(long.MaxValue / 100 + 1));
        Assert.Equal(1_000_000_000, Money.FromYuan(10_000_000).Fen);
    }

    [Fact]
    public void Zero_is_the_default_amount()
    {
        Assert.Equal(default, Money.Zero);
        Assert.Equal(0, Money.Zero.Fen);
    }

    [Theory]
    [InlineData("1234.56", 123456)]
    [InlineData("1234.5", 123450)]
    [InlineData("1234.500", 123450)]
    [InlineData("0.01", 1)]
    [InlineData("-0.5", -50)]
    [InlineData("  42  ", 4200)]
    public void Yuan_as_a_decimal_are_taken_exactly(string yuan, long fen)
    {
        Assert.Equal(fen, Money.FromYuan(decimal.Parse(yuan, CultureInfo.InvariantCulture)).Fen);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1234.565")]
    [InlineData("-0.009")]
    public void Yuan_with_a_fraction_of_a_fen_are_refused_not_rounded(string yuan)
    {
        var error = Assert.Throws<ArgumentException>(() => Money.FromYuan(decimal.Parse(yuan, CultureInfo.InvariantCulture)));

        Assert.Equal("yuan", error.ParamName);
        Assert.Contains("two decimal places", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yuan_as_a_decimal_beyond_the_range_throw()
    {
        Assert.Throws<OverflowException>(() => Money.FromYuan(decimal.MaxValue));
        Assert.Throws<OverflowException>(() => Money.FromYuan(100_000_000_000_000_000m));
    }

    [Theory]
    [InlineData("1234.56", 123456)]
    [InlineData("1234.5", 123450)]
    [InlineData("1234.5600", 123456)]
    [InlineData("0", 0)]
    [InlineData("-0.01", -1)]
    [InlineData(" 50000000 ", 5_000_000_000)]
    [InlineData("92233720368547758.07", long.MaxValue)]
    [InlineData("-92233720368547758.08", long.MinValue)]
    public void Parsing_reads_yuan_in_the_invariant_format(string text, long fen)
    {
        Assert.Equal(fen, Money.Parse(text).Fen);
        Assert.True(Money.TryParse(text, out var parsed));
        Assert.Equal(fen, parsed.Fen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,234.56")]
    [InlineData("1234,56")]
    [InlineData("¥12")]
    [InlineData("1e3")]
    [InlineData("+5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.234")]
    [InlineData("1.00000000000000000000000000001")]
    [InlineData("92233720368547758.08")]
    [InlineData("99999999999999999999999")]
    public void Parsing_refuses_anything_else_with_a_clear_error(string text)
    {
        var error = Assert.Throws<FormatException>(() => Money.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1234.56", error.Message, StringComparison.Ordinal);
        Assert.False(Money.TryParse(text, out _));
    }

    [Fact]
    public void Parsing_does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(123456, Money.Parse("1234.56").Fen);
            Assert.Equal("¥1,234.56", Money.FromFen(123456).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(123456, "¥1,234.56")]
    [InlineData(0, "¥0.00")]
    [InlineData(5, "¥0.05")]
    [InlineData(1_000_000_000, "¥10,000,000.00")]
    [InlineData(-123456, "-¥1,234.56")]
    [InlineData(long.MinValue, "-¥92,233,720,368,547,758.08")]
    public void An_amount_reads_as_yuan_with_the_yuan_sign(long fen, string text)
    {
        Assert.Equal(text, Money.FromFen(fen).ToString());
    }

    [Fact]
    public void Amounts_compare_by_value()
    {
        var small = Money.FromYuan(1);
        var large = Money.FromYuan(2);

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.FromFen(100));
        Assert.True(small >= Money.FromFen(100));
        Assert.True(small == Money.FromFen(100));
        Assert.True(small != large);
        Assert.True(small.CompareTo(large) < 0);
        Assert.Equal([small, large], new[] { large, small }.Order());
    }

    [Fact]
    public void Min_and_max_pick_the_smaller_and_the_larger_amount()
    {
        var cap = Money.FromYuan(10_000_000);
        var share = Money.FromYuan(12_000_000);

        Assert.Equal(cap, Money.Min(share, cap));
        Assert.Equal(share, Money.Max(share, cap));
        Assert.Equal(Money.Zero, Money.Max(Money.FromFen(-5), Money.Zero));
    }
}
