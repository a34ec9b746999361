namespace Verzuim.Hotspot.Api.Layers;

internal static class TileMath
{
    private const double EarthCircumference = 40075016.686;

    // At 52° N a Web Mercator metre is about 0.62 ground metres; RD New metres are ground metres.
    private const double MercatorScaleAt52N = 0.6157;

    /// <summary>Ground size in metres of one 256-pixel tile pixel at this zoom, in the Netherlands.</summary>
    public static double PixelMetres(int zoom) => EarthCircumference / (256 * Math.Pow(2, zoom)) * MercatorScaleAt52N;

    /// <summary>Ground size of one MVT unit (4096 per tile) at this zoom, in the Netherlands.</summary>
    public static double TileUnitMetres(int zoom) => EarthCircumference / (4096 * Math.Pow(2, zoom)) * MercatorScaleAt52N;

    public static bool IsValid(int z, int x, int y) => z is >= 0 and <= 24 && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
}
