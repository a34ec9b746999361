namespace Verzuim.Hotspot.Api.Flows;

/// <summary>
/// A column of a flow matrix: an institution, or a campus with the RMC region it lies in itself. Lon/Lat is the
/// campus, or the institution's main campus.
/// </summary>
internal sealed record FlowColumn(string Id, string Name, string Brin, string InstitutionName, CodeName? Region, double? Lon, double? Lat);
