namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// Campus choice: attractiveness = campus size × decay(distance between the PC4 point and the campus, RD metres).
/// Campus size is not public, so it is drawn per campus: lognormal(0, campusSizeLogSd) from a stream keyed by
/// the brinvest, times mainCampusMultiplier for a hoofdlocatie.
/// </summary>
internal sealed record SyntheticGravityParameters
{
    public SyntheticDistanceDecay Decay { get; init; } = SyntheticDistanceDecay.Exponential;

    /// <summary>Length scale of the exponential decay, metres.</summary>
    public double DecayM { get; init; } = 9000;

    /// <summary>Exponent of the power decay.</summary>
    public double PowerExponent { get; init; } = 2;

    /// <summary>Offset added to the distance in the power decay, so a campus at distance 0 has finite weight.</summary>
    public double PowerOffsetM { get; init; } = 2000;

    /// <summary>Campuses farther than this from a PC4 are not candidates (unless among the nearest <see cref="AlwaysNearest"/>).</summary>
    public double MaxDistanceM { get; init; } = 75000;

    /// <summary>The nearest this many campuses are always candidates, however far.</summary>
    public int AlwaysNearest { get; init; } = 3;

    public double CampusSizeLogSd { get; init; } = 0.8;

    public double MainCampusMultiplier { get; init; } = 1.5;

    public double Weight(double distanceM) => Decay switch
    {
        SyntheticDistanceDecay.Exponential => Math.Exp(-distanceM / DecayM),
        SyntheticDistanceDecay.Power => Math.Pow(distanceM + PowerOffsetM, -PowerExponent),
        _ => throw new InvalidOperationException($"Unknown decay {Decay}."),
    };

    public IEnumerable<string> Problems()
    {
        if (Decay == SyntheticDistanceDecay.Exponential && !(DecayM > 0))
        {
            yield return "gravity.decayM must be > 0";
        }
        if (Decay == SyntheticDistanceDecay.Power && (!(PowerExponent > 0) || !(PowerOffsetM > 0)))
        {
            yield return "gravity.powerExponent and gravity.powerOffsetM must be > 0";
        }
        if (!(MaxDistanceM >= 0) || AlwaysNearest < 1)
        {
            yield return "gravity.maxDistanceM must be >= 0 and gravity.alwaysNearest >= 1";
        }
        if (!(CampusSizeLogSd >= 0) || !(MainCampusMultiplier > 0))
        {
            yield return "gravity.campusSizeLogSd must be >= 0 and gravity.mainCampusMultiplier > 0";
        }
    }
}
