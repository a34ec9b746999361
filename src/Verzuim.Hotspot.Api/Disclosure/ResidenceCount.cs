namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>
/// The counts of one campus from one PC4 in one age band, placed as the flows and layers place them: the PC4's
/// municipality and that municipality's RMC region, or null where the geography cannot place it.
/// </summary>
internal sealed record ResidenceCount(string Pc4, string? Municipality, string? Region, string Campus, string Institution, string Band,
    long Students, long Reports);
