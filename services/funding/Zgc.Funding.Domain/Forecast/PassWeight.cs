using System.Globalization;
using Zgc.SharedKernel;

namespace Zgc.Funding.Domain.Forecast;

/// <summary>
/// The probability that a construction year's evaluation passes, as an exact fraction (e.g. 3/4 from three passes in
/// four recorded evaluations, or 8/10 for a chosen rate of 0.8), so that weighting needs no floating point. A weighted
/// amount is <c>amount × numerator / denominator</c> rounded down to the fen (<see cref="Money.MultiplyRoundedDown"/>,
/// the system's one rounding): a forecast never shows more than the exact weighted value of any platform-year.
/// </summary>
public readonly record struct PassWeight
{
    private PassWeight(long numerator, long denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public long Numerator { get; }

    public long Denominator { get; }

    public static PassWeight One { get; } = new(1, 1);

    public bool IsOne => Numerator == Denominator;

    /// <summary>The weight as a decimal (exact for rates; for fractions like 2/3 to decimal's precision).</summary>
    public decimal Value => (decimal)Numerator / Denominator;

    /// <summary>For people: at most four decimals (the exact fraction is what is applied).</summary>
    public string Text => Math.Round(Value, 4, MidpointRounding.ToZero).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A fraction 0 ≤ numerator ≤ denominator, reduced.</summary>
    public static PassWeight Of(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numerator, denominator);
        var gcd = Gcd(numerator, denominator);
        return new(numerator / gcd, denominator / gcd);
    }

    /// <summary>amount × weight, rounded down to the fen.</summary>
    public Money Apply(Money amount) => amount.MultiplyRoundedDown(Numerator, Denominator);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }
}
