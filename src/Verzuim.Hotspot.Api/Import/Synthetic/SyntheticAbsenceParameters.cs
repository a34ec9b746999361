namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// Absence reports per row: negative binomial with mean = students × base rate of the age band × year multiplier
/// × institution factor × region-of-residence factor × hotspot multipliers, and shape = dispersionPerStudent × students
/// (the sum of independent per-student Poisson-gamma counts, so variance / mean = 1 + rate / dispersionPerStudent
/// whatever the size of the row). Institution and region factors are lognormal with mean 1: exp(sd·Z − sd²/2).
/// </summary>
internal sealed record SyntheticAbsenceParameters
{
    /// <summary>Reports per student per year, age band under18, in a year with rate multiplier 1.</summary>
    public double BaseRateUnder18 { get; init; } = 0.10;

    /// <summary>Reports per student per year, age band 18plus.</summary>
    public double BaseRate18Plus { get; init; } = 0.16;

    /// <summary>Gamma shape per student; 0 means no overdispersion (plain Poisson).</summary>
    public double DispersionPerStudent { get; init; } = 0.3;

    /// <summary>Log-scale standard deviation of the institution factor (one draw per BRIN); 0 switches it off.</summary>
    public double InstitutionFactorLogSd { get; init; } = 0.25;

    /// <summary>Log-scale standard deviation of the region factor (one draw per RMC region of residence); 0 switches it off.</summary>
    public double RegionFactorLogSd { get; init; } = 0.15;

    public IEnumerable<string> Problems()
    {
        if (!(BaseRateUnder18 >= 0) || !(BaseRate18Plus >= 0))
        {
            yield return "absence base rates must be >= 0";
        }
        if (!(DispersionPerStudent >= 0))
        {
            yield return "absence.dispersionPerStudent must be >= 0";
        }
        if (!(InstitutionFactorLogSd >= 0) || !(RegionFactorLogSd >= 0))
        {
            yield return "absence factor standard deviations must be >= 0";
        }
    }
}
