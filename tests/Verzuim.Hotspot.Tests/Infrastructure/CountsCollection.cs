namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// Tests that write counts run one after another. Each also uses school years of its own and removes them again,
/// so none depends on another's leftovers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CountsCollection
{
    public const string Name = "Counts";
}
