using System.Numerics;

namespace Verzuim.Hotspot.Api.Infrastructure;

/// <summary>
/// xoshiro256** 1.0 (Blackman and Vigna, 2018), seeded through SplitMix64. Used instead of <see cref="Random"/>
/// so results depend only on this code, never on the runtime's generator or on thread scheduling: the synthetic
/// dataset and the permutation tests of the hotspot statistics both repeat exactly from their seeds.
/// Every independent part of the model draws from its own stream, named by a key
/// (e.g. <c>"campus-size|00GT01"</c>): adding a campus or a PC4 does not reshuffle the draws of the others.
/// </summary>
internal sealed class Xoshiro256StarStar
{
    private const double Unit53 = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>An independent stream for <paramref name="key"/> under the dataset seed.</summary>
    public static Xoshiro256StarStar ForStream(ulong seed, string key)
    {
        var state = seed;
        var mixed = SplitMix64(ref state);
        return new Xoshiro256StarStar(mixed ^ Fnv1a64(key));
    }

    /// <summary>A stream per (seed, number), e.g. one per area for permutations run in parallel.</summary>
    public static Xoshiro256StarStar Create(ulong seed, ulong stream)
    {
        var state = seed;
        return new Xoshiro256StarStar(SplitMix64(ref state) + (stream * 0x9E3779B97F4A7C15UL));
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
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

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Unit53;

    /// <summary>Uniform on the open interval (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * Unit53;

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units of the key: stable across runs, processes and platforms.</summary>
    private static ulong Fnv1a64(string key)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }
}
