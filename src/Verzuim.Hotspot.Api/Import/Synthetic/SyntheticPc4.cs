namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>A PC4 area as the generator sees it: its population aged 15-25 and the point students leave from.</summary>
/// <param name="Code">4-digit postcode.</param>
/// <param name="MunicipalityCode">GMxxxx of the municipality holding most of its addresses.</param>
/// <param name="RmcCode">RMC region of residence (MCxx).</param>
/// <param name="Population">Inhabitants aged 15-25 (2023; 15-19 plus 20-24 of 2021 where 2023 is suppressed).</param>
/// <param name="X">RD New x of the point-on-surface, metres.</param>
/// <param name="Y">RD New y of the point-on-surface, metres.</param>
/// <param name="UsesMunicipalityPoint">True when the PC4 had no point of its own and the mean point of its municipality's PC4 was used.</param>
internal sealed record SyntheticPc4(
    string Code, string MunicipalityCode, string RmcCode, double Population, double X, double Y, bool UsesMunicipalityPoint);
