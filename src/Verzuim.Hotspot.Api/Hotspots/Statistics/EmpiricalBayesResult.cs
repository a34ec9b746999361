namespace Verzuim.Hotspot.Api.Hotspots.Statistics;

/// <summary>spdep's <c>EBest</c> output: raw rates, smoothed rates (estmm) and the moment estimates a, b.</summary>
internal sealed record EmpiricalBayesResult(
    IReadOnlyList<double> Raw,
    IReadOnlyList<double> Smoothed,
    double A,
    double B);
