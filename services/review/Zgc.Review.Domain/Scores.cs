namespace Zgc.Review.Domain;

/// <summary>Rounding used for every figure review reports.</summary>
public static class Scores
{
    /// <summary>Two decimals, a half rounded away from zero (84.125 → 84.13), as people round by hand.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
