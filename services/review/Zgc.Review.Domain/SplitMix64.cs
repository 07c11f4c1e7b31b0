namespace Zgc.Review.Domain;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, 2014), written out here so that a recorded seed reproduces the
/// same draw on any .NET version and any machine: <see cref="System.Random"/> makes no such promise across versions.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>): values from the biased tail are rejected and redrawn.</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var n = (ulong)bound;
        var threshold = unchecked(0UL - n) % n; // 2^64 mod n: below it, r % n would favour small values
        while (true)
        {
            var r = Next();
            if (r >= threshold)
            {
                return (int)(r % n);
            }
        }
    }
}
