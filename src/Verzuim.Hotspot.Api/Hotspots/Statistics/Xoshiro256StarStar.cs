namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018). Used instead of System.Random so a (seed, stream) pair
/// gives the same sequence on every runtime and every thread schedule.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Independent-looking stream per (seed, stream); seeding through SplitMix64 as the authors advise.</summary>
    public static Xoshiro256StarStar Create(ulong seed, ulong stream)
    {
        var sm = SplitMix(seed) + (stream * 0x9E3779B97F4A7C15UL);
        var rng = new Xoshiro256StarStar
        {
            _s0 = SplitMix(ref sm),
            _s1 = SplitMix(ref sm),
            _s2 = SplitMix(ref sm),
            _s3 = SplitMix(ref sm),
        };
        return rng;
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, bound), unbiased (Lemire 2019).</summary>
    public int NextInt(int bound)
    {
        var range = (ulong)bound;
        var high = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (int)high;
    }

    private static ulong SplitMix(ulong value)
    {
        var state = value;
        return SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
