namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// Classes whose API protects against the public alone (<see cref="PublicOnlyApiFactory"/>). They run alone, after
/// the others: a process with the default setting that protects their school year meanwhile (trends read every
/// year) would replace that protection with its own, and one database keeps one protection per school year.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublicOnlyCollection
{
    public const string Name = "Public only";
}
