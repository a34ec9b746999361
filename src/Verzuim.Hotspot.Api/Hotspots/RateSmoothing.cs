namespace Verzuim.Hotspot.Api.Hotspots;

internal enum RateSmoothing
{
    /// <summary>Raw rate: absence reports / students.</summary>
    None,

    /// <summary>Global empirical Bayes (spdep EBest): small areas pulled towards the overall rate.</summary>
    EmpiricalBayes,
}
