namespace Verzuim.Hotspot.Api.Import.Synthetic;

/// <summary>An mbo campus (vestiging) as the generator sees it.</summary>
/// <param name="BrinVest">BRIN plus 2-digit vestiging number, e.g. "00GT01".</param>
/// <param name="Brin">4-character institution code.</param>
/// <param name="Vestiging">2-digit campus number.</param>
/// <param name="X">RD New x, metres.</param>
/// <param name="Y">RD New y, metres.</param>
/// <param name="IsMain">True for the institution's hoofdlocatie.</param>
/// <param name="RmcCode">RMC region the campus lies in (informative; rates use the region of residence).</param>
internal sealed record SyntheticCampus(string BrinVest, string Brin, string Vestiging, double X, double Y, bool IsMain, string RmcCode);
