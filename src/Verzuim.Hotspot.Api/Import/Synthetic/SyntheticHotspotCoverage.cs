namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>Which populated PC4 (and their municipalities) a planted area hotspot covers in the generated data.</summary>
internal sealed record SyntheticHotspotCoverage(
    string Name, double Multiplier, IReadOnlyList<string> Pc4Codes, IReadOnlyList<string> MunicipalityCodes, double Population15To25);
