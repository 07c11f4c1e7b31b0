using System.Globalization;
using System.Text.Json.Serialization;

namespace Zgc.SharedKernel;

/// <summary>
/// An exact amount of CNY, counted in whole fen (分, 0.01 yuan). Amounts in the Measures are caps that must
/// be exact to the fen (Art. 10, R-A10-Y1 / R-A10-Y23 / R-A10-MAJOR), so money is never a binary floating
/// point number and arithmetic never silently rounds or wraps: + and - are checked, conversions refuse
/// fractions of a fen, and the single place any rounding happens is <see cref="MultiplyRoundedDown"/>.
/// </summary>
/// <remarks>On the wire (JSON) an amount is an integer number of fen, see <see cref="MoneyJsonConverter"/>.</remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money : IComparable<Money>
{
    private const long FenPerYuan = 100;

    private Money(long fen) => Fen = fen;

    /// <summary>The amount in fen (0.01 yuan). This is the stored and transmitted representation.</summary>
    public long Fen { get; }

    public static Money Zero { get; }

    /// <summary>The amount in yuan; exact, since a decimal holds every <see cref="long"/> divided by 100.</summary>
    public decimal Yuan => Fen / (decimal)FenPerYuan;

    public bool IsNegative => Fen < 0;

    public static Money FromFen(long fen) => new(fen);

    /// <summary>Whole yuan, e.g. the CNY 10,000,000 cap of Art. 10.</summary>
    /// <exception cref="OverflowException">The amount does not fit in fen.</exception>
    public static Money FromYuan(long yuan) => new(checked(yuan * FenPerYuan));

    /// <summary>
    /// An amount in yuan with at most two decimal places (by value: 1.5 and 1.500 are both 150 fen).
    /// Anything finer than a fen is refused rather than rounded, because rounding belongs to
    /// <see cref="MultiplyRoundedDown"/> alone.
    /// </summary>
    /// <exception cref="ArgumentException">The amount has a fraction of a fen.</exception>
    /// <exception cref="OverflowException">The amount does not fit in fen.</exception>
    public static Money FromYuan(decimal yuan)
    {
        // decimal remainder is exact, so this detects any digit beyond the second decimal place.
        if (yuan % 0.01m != 0m)
        {
            throw new ArgumentException(
                $"{yuan.ToString(CultureInfo.InvariantCulture)} yuan has more than two decimal places; an amount must be a whole number of fen.",
                nameof(yuan));
        }

        // Exact after the check above; the explicit decimal-to-long conversion throws OverflowException when out of range.
        return new((long)(yuan * FenPerYuan));
    }

    /// <summary>
    /// Parses an amount in yuan written like "1234.56" or "-0.5": optional minus sign, ASCII digits, optionally a
    /// point and one or two decimals (further trailing zeros are allowed). No thousands separators, currency
    /// sign or exponent; the culture never matters.
    /// </summary>
    /// <exception cref="FormatException">The text is not such an amount, has a fraction of a fen, or is too large.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParseCore(text, out var money);
        return error is null ? money : throw new FormatException($"'{text}' is not a valid amount in yuan: {error}. Write it like 1234.56.");
    }

    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        return text is not null && TryParseCore(text, out money) is null;
    }

    /// <summary>
    /// this × <paramref name="numerator"/> / <paramref name="denominator"/>, rounded down to a whole fen.
    /// THIS IS THE ONLY ROUNDING IN THE SYSTEM. Art. 10 grants "up to" (不超过) 30 % of the support base, so a
    /// computed amount must never exceed the exact value: 30 % is <c>MultiplyRoundedDown(30, 100)</c>, and
    /// any fraction of a fen is dropped.
    /// </summary>
    /// <remarks>
    /// Rounding is towards negative infinity (floor): the result is the largest whole number of fen not above the
    /// exact product. For zero and positive amounts (all support amounts) that is truncation towards zero. For a
    /// negative exact product it moves away from zero (-0.3 fen becomes -1 fen), which keeps the one invariant
    /// "never above the exact value" for every sign; a caller that wants a smaller magnitude for a negative amount
    /// should compute on the positive amount and subtract. The product is formed exactly in 128 bits, so no
    /// intermediate overflow or precision loss occurs.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="denominator"/> is not positive.</exception>
    /// <exception cref="OverflowException">The result does not fit in fen.</exception>
    public Money MultiplyRoundedDown(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);

        // |Fen × numerator| < 2^126, so the product is exact in Int128.
        var product = (Int128)Fen * numerator;
        var quotient = product / denominator;

        // Int128 division truncates towards zero; step down once more when a negative product left a remainder.
        if (product < 0 && quotient * denominator != product)
        {
            quotient--;
        }

        if (quotient > long.MaxValue || quotient < long.MinValue)
        {
            throw new OverflowException($"{this} × {numerator}/{denominator} does not fit in an amount of fen.");
        }

        return new((long)quotient);
    }

    public static Money Min(Money left, Money right) => left.Fen <= right.Fen ? left : right;

    public static Money Max(Money left, Money right) => left.Fen >= right.Fen ? left : right;

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    /// <exception cref="OverflowException">The sum does not fit in fen.</exception>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <exception cref="OverflowException">The difference does not fit in fen.</exception>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>"¥1,234.56", negative amounts as "-¥1,234.56"; the same in every culture (logs, messages).</summary>
    public override string ToString()
    {
        // Through decimal so that long.MinValue has an absolute value too.
        var absoluteYuan = Math.Abs((decimal)Fen) / FenPerYuan;
        var text = "¥" + absoluteYuan.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return Fen < 0 ? "-" + text : text;
    }

    /// <summary>Returns null on success, otherwise why the text was refused.</summary>
    private static string? TryParseCore(string text, out Money money)
    {
        money = Zero;
        var rest = text.AsSpan().Trim();
        var negative = rest.StartsWith('-');
        if (negative)
        {
            rest = rest[1..];
        }

        var point = rest.IndexOf('.');
        var whole = point < 0 ? rest : rest[..point];
        var fraction = point < 0 ? [] : rest[(point + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9') || (point >= 0 && (fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9'))))
        {
            return "expected digits with an optional minus sign and decimal point";
        }

        fraction = fraction.TrimEnd('0');
        if (fraction.Length > 2)
        {
            return "it has more than two decimal places (a fraction of a fen)";
        }

        var fenPart = 0L;
        foreach (var digit in fraction.ToString().PadRight(2, '0'))
        {
            fenPart = (fenPart * 10) + (digit - '0');
        }

        if (!long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var yuan))
        {
            return "it is too large";
        }

        // In 128 bits, so that the range check below also admits the most negative amount, long.MinValue fen.
        var fen = ((Int128)yuan * FenPerYuan) + fenPart;
        if (negative)
        {
            fen = -fen;
        }

        if (fen > long.MaxValue || fen < long.MinValue)
        {
            return "it is too large";
        }

        money = new((long)fen);
        return null;
    }
}
