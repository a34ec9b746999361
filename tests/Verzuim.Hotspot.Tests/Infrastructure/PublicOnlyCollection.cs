namespace Verzuim.Hotspot.Tests.Infrastructure;

/// <summary>
/// Classes whose API protects against the public alone (<see cref="PublicOnlyApiFactory"/>), one after another.
/// Processes of the default setting may protect the same school years meanwhile (trends read every year): each
/// setting keeps a protection of its own (<c>ProtectionPromiseTests</c>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublicOnlyCollection
{
    public const string Name = "Public only";
}
