namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>A drawn rate factor of one institution (BRIN) or RMC region: the hidden "truth" behind the synthetic rates.</summary>
internal sealed record SyntheticFactor(string Code, double Factor);
