namespace Zgc.Review.Domain;

/// <summary>
/// The random draw of a panel, reproducible from its seed and pool: the pool is put in ordinal order of user id,
/// shuffled by Fisher–Yates with <see cref="SplitMix64"/> seeded with the seed, and the panel is the first
/// <c>size</c> of that order; replacements come from the rest of the order, in turn.
/// </summary>
public static class PanelDraw
{
    /// <summary>Largest seed handed out: 2^53 − 1, so that a seed survives JSON readers that use doubles.</summary>
    public const long MaximumSeed = (1L << 53) - 1;

    /// <summary>The whole pool in draw order.</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> pool, long seed)
    {
        var order = pool.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var random = new SplitMix64(unchecked((ulong)seed));
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
