namespace Verzuim.Hotspot.Api.Regions;

internal sealed record ContactMunicipality(string Code, string Name, bool Assumed);

internal sealed record RegionSummary(string Code, string Name, int ClassificationYear, ContactMunicipality ContactMunicipality, int MunicipalityCount);

internal sealed record RegionMember(string Code, string Name, int? Population);

internal sealed record RegionDetail(
    string Code,
    string Name,
    int ClassificationYear,
    ContactMunicipality ContactMunicipality,
    IReadOnlyList<RegionMember> Municipalities,
    double AreaKm2,
    LonLat RepresentativePoint,
    double[] Bbox);
