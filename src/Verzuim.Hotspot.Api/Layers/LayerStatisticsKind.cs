namespace Verzuim.Hotspot.Api.Layers;

/// <summary>Which counts a collection carries as properties, keyed by its feature id.</summary>
internal enum LayerStatisticsKind
{
    /// <summary>Students living in the area (by their reported PC4), with their absence reports.</summary>
    Residence,

    /// <summary>Students attending the campus.</summary>
    Attendance,

    /// <summary>Students living in an RMC region and attending a campus.</summary>
    Flow,
}
