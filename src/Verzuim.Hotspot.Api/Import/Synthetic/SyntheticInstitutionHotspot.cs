namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>
/// A planted institution-level hotspot: rows of institution <paramref name="Brin"/> whose students live in RMC region
/// <paramref name="RmcCode"/> (region of residence, from the PC4) have their absence rate multiplied by <paramref name="Multiplier"/>.
/// </summary>
internal sealed record SyntheticInstitutionHotspot(string Name, string Brin, string RmcCode, double Multiplier, string Note = "");
