namespace Verzuim.Hotspot.Api.Disclosure;

/// <summary>One additivity link: the cell <paramref name="Total"/> equals the sum of the cells <paramref name="Parts"/>.</summary>
/// <param name="IsBand">True for all = under18 + 18plus; the protector always keeps those three cells together.</param>
internal sealed record LinkedEquation(int Total, int[] Parts, bool IsBand);
