using System.ComponentModel;

namespace Verzuim.Hotspot.Api.Locate;

/// <summary>The areas at one point.</summary>
internal sealed record LocateResponse(
    LocateCoordinates Point,
    int ClassificationYear,
    [property: Description("The PC4 area whose polygon holds the point; null on water and where the source has no polygon.")] string? Pc4,
    CodeName Municipality,
    CodeName RmcRegion);

/// <summary>The point in both CRSs: RD New metres as stored, and WGS84 degrees.</summary>
internal sealed record LocateCoordinates(
    [property: Description("RD New (EPSG:28992) easting in metres.")] double X,
    [property: Description("RD New (EPSG:28992) northing in metres.")] double Y,
    [property: Description("WGS84 longitude in degrees.")] double Lon,
    [property: Description("WGS84 latitude in degrees.")] double Lat);
